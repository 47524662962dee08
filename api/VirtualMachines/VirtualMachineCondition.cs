using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace VmLifecycle.Api.VirtualMachines;

/// <summary>An observation about the VirtualMachine, such as Ready, Paused or Failure.</summary>
public sealed class VirtualMachineCondition
{
    /// <summary>Type of the condition, for example Ready, Paused, Failure or RestartRequired.</summary>
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

    /// <summary>A human readable message about the last transition.</summary>
    [JsonPropertyName("message")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; set; }
}
