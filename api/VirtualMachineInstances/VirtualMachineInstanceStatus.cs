using System.Text.Json;
using System.Text.Json.Serialization;

namespace VmLifecycle.Api.VirtualMachineInstances;

/// <summary>The observed state of a VirtualMachineInstance, written by the VirtualMachineInstance controller and the node's handler.</summary>
public sealed class VirtualMachineInstanceStatus
{
    /// <summary>Phase is the status of the VirtualMachineInstance in kubernetes world: Pending, Scheduling, Scheduled, Running, Succeeded, Failed or Unknown. Unset right after creation.</summary>
    [JsonPropertyName("phase")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public VirtualMachineInstancePhase? Phase { get; set; }

    /// <summary>Conditions are specific points in the VirtualMachineInstance's lifecycle, for example Ready or Paused.</summary>
    [JsonPropertyName("conditions")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IList<VirtualMachineInstanceCondition>? Conditions { get; set; }

    /// <summary>NodeName is the name of the node the VirtualMachineInstance is scheduled to and runs on.</summary>
    [JsonPropertyName("nodeName")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NodeName { get; set; }

    /// <summary>A brief CamelCase message indicating details about why the VirtualMachineInstance is in this state, for example after a failure.</summary>
    [JsonPropertyName("reason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; set; }

    /// <summary>Interfaces represent the details of the guest's network interfaces, such as their IP addresses.</summary>
    [JsonPropertyName("interfaces")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IList<VirtualMachineInstanceNetworkInterface>? Interfaces { get; set; }

    /// <summary>Status fields of KubeVirt that VmLifecycle does not model; kept so that they survive a read-modify-write.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
