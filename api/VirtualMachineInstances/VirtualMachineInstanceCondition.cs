using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace VmLifecycle.Api.VirtualMachineInstances;

/// <summary>An observation about the VirtualMachineInstance, such as Ready or Paused.</summary>
public sealed class VirtualMachineInstanceCondition
{
    /// <summary>Type of the condition, for example Ready, Paused, Synchronized or LiveMigratable.</summary>
    [Required]
    [JsonPropertyName("type")]
    public string Type { get; set; } = "";

    /// <summary>Status of the condition: True, False or Unknown.</summary>
    [Required]
    [JsonPropertyName("status")]
    public string Status { get; set; } = "";

    /// <summary>The last time the condition was probed.</summary>
    [JsonPropertyName("lastProbeTime")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTime? LastProbeTime { get; set; }

    /// <summary>The last time the condition changed from one status to another.</summary>
    [JsonPropertyName("lastTransitionTime")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTime? LastTransitionTime { get; set; }

    /// <summary>A one-word CamelCase reason for the condition's last transition, for example PausedByUser.</summary>
    [JsonPropertyName("reason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; set; }

    /// <summary>A human readable message about the last transition, for example "VMI was paused by user".</summary>
    [JsonPropertyName("message")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; set; }
}
