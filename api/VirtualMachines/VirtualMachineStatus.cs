using System.Text.Json;
using System.Text.Json.Serialization;

namespace VmLifecycle.Api.VirtualMachines;

/// <summary>The observed state of a VirtualMachine, written by the VirtualMachine controller and the subresources.</summary>
public sealed class VirtualMachineStatus
{
    /// <summary>Created indicates whether a VirtualMachineInstance exists for this VirtualMachine.</summary>
    [JsonPropertyName("created")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Created { get; set; }

    /// <summary>Ready indicates whether the VirtualMachineInstance is running and ready.</summary>
    [JsonPropertyName("ready")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Ready { get; set; }

    /// <summary>PrintableStatus is a human readable, high-level representation of the VirtualMachine's state, for example Stopped, Running or Paused.</summary>
    [JsonPropertyName("printableStatus")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PrintableStatus? PrintableStatus { get; set; }

    /// <summary>Hold the state information of the VirtualMachine and its VirtualMachineInstance.</summary>
    [JsonPropertyName("conditions")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IList<VirtualMachineCondition>? Conditions { get; set; }

    /// <summary>
    /// StateChangeRequests indicates a list of actions that should be taken on the VirtualMachineInstance, for example a Stop
    /// followed by a Start for a restart. The controller acts on the first entry only.
    /// </summary>
    [JsonPropertyName("stateChangeRequests")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IList<StateChangeRequest>? StateChangeRequests { get; set; }

    /// <summary>RunStrategy tracks the last recorded run strategy, whether it came from spec.runStrategy or the deprecated spec.running.</summary>
    [JsonPropertyName("runStrategy")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RunStrategy? RunStrategy { get; set; }

    /// <summary>StartFailure tracks consecutive VirtualMachineInstance start failures for the crash loop back-off; a start or stop request clears it.</summary>
    [JsonPropertyName("startFailure")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public VirtualMachineStartFailure? StartFailure { get; set; }

    /// <summary>SnapshotInProgress names the VirtualMachineSnapshot that is being taken, if any; unpause is refused meanwhile.</summary>
    [JsonPropertyName("snapshotInProgress")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SnapshotInProgress { get; set; }

    /// <summary>ObservedGeneration is the generation of the VirtualMachine the controller last acted on.</summary>
    [JsonPropertyName("observedGeneration")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ObservedGeneration { get; set; }

    /// <summary>DesiredGeneration is the generation of the VirtualMachine the controller wants to act on.</summary>
    [JsonPropertyName("desiredGeneration")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? DesiredGeneration { get; set; }

    /// <summary>Status fields of KubeVirt that VmLifecycle does not model; kept so that they survive a read-modify-write.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
