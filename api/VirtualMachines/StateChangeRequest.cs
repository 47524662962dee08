using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace VmLifecycle.Api.VirtualMachines;

/// <summary>A pending start or stop request, queued in status.stateChangeRequests by the start, stop and restart subresources.</summary>
public sealed class StateChangeRequest
{
    /// <summary>Indicates the type of action that is requested: Start or Stop.</summary>
    [Required]
    [JsonPropertyName("action")]
    public StateChangeRequestAction Action { get; set; }

    /// <summary>Provides additional data for the request; a Start with paused set to "true" starts the guest paused.</summary>
    [JsonPropertyName("data")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IDictionary<string, string>? Data { get; set; }

    /// <summary>Indicates the UID of an existing VirtualMachineInstance that should be stopped, if any.</summary>
    [JsonPropertyName("uid")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Uid { get; set; }
}
