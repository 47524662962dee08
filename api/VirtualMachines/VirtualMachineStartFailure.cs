using System.Text.Json.Serialization;

namespace VmLifecycle.Api.VirtualMachines;

/// <summary>
/// Consecutive start failures of a VirtualMachine's VirtualMachineInstances, recorded by the VirtualMachine controller for
/// the crash loop back-off of the Always and RerunOnFailure run strategies (KubeVirt's VirtualMachineStartFailure).
/// </summary>
public sealed class VirtualMachineStartFailure
{
    /// <summary>ConsecutiveFailCount is the number of VirtualMachineInstances that failed in a row.</summary>
    [JsonPropertyName("consecutiveFailCount")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int ConsecutiveFailCount { get; set; }

    /// <summary>LastFailedVMIUID is the UID of the VirtualMachineInstance that failed last.</summary>
    [JsonPropertyName("lastFailedVMIUID")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LastFailedVMIUID { get; set; }

    /// <summary>RetryAfterTimestamp is the time before which no new VirtualMachineInstance is created.</summary>
    [JsonPropertyName("retryAfterTimestamp")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTime? RetryAfterTimestamp { get; set; }
}
