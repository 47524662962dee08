using System.Text.Json.Serialization;

namespace VmLifecycle.Api.Subresources;

/// <summary>The body of PUT virtualmachines/NAME/stop.</summary>
public sealed class StopOptions
{
    /// <summary>Kind of the body, "StopOptions"; optional, as in KubeVirt's inline TypeMeta.</summary>
    [JsonPropertyName("kind")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Kind { get; set; }

    /// <summary>APIVersion of the body, "subresources.kubevirt.io/v1"; optional.</summary>
    [JsonPropertyName("apiVersion")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ApiVersion { get; set; }

    /// <summary>GracePeriod updates the terminationGracePeriodSeconds of the VirtualMachineInstance during shutdown; 0 stops it immediately (force stop).</summary>
    [JsonPropertyName("gracePeriod")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? GracePeriod { get; set; }

    /// <summary>When present, the request is validated but nothing is changed. The only valid value is ["All"] (<see cref="DryRunValues.All"/>).</summary>
    [JsonPropertyName("dryRun")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IList<string>? DryRun { get; set; }
}
