using System.Text.Json.Serialization;

namespace VmLifecycle.Api.Subresources;

/// <summary>The body of PUT virtualmachines/NAME/start.</summary>
public sealed class StartOptions
{
    /// <summary>Kind of the body, "StartOptions"; optional, as in KubeVirt's inline TypeMeta.</summary>
    [JsonPropertyName("kind")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Kind { get; set; }

    /// <summary>APIVersion of the body, "subresources.kubevirt.io/v1"; optional.</summary>
    [JsonPropertyName("apiVersion")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ApiVersion { get; set; }

    /// <summary>Paused starts the guest paused: the VirtualMachineInstance gets startStrategy Paused.</summary>
    [JsonPropertyName("paused")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Paused { get; set; }

    /// <summary>When present, the request is validated but nothing is changed. The only valid value is ["All"] (<see cref="DryRunValues.All"/>).</summary>
    [JsonPropertyName("dryRun")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IList<string>? DryRun { get; set; }
}
