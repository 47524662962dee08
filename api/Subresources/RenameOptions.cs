using System.Text.Json.Serialization;

namespace VmLifecycle.Api.Subresources;

/// <summary>
/// The body of PUT virtualmachines/NAME/rename. KubeVirt removed rename in v0.42; VmLifecycle keeps it, for stopped
/// VirtualMachines only, with KubeVirt's former body and messages.
/// </summary>
public sealed class RenameOptions
{
    /// <summary>Kind of the body, "RenameOptions"; optional, as in KubeVirt's inline TypeMeta.</summary>
    [JsonPropertyName("kind")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Kind { get; set; }

    /// <summary>APIVersion of the body, "subresources.kubevirt.io/v1"; optional.</summary>
    [JsonPropertyName("apiVersion")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ApiVersion { get; set; }

    /// <summary>The new name of the VirtualMachine. Required: an empty or missing name is refused.</summary>
    [JsonPropertyName("newName")]
    public string NewName { get; set; } = "";

    /// <summary>The current name of the VirtualMachine; optional, the name in the URL is authoritative.</summary>
    [JsonPropertyName("oldName")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OldName { get; set; }

    /// <summary>When present, the request is validated but nothing is changed. The only valid value is ["All"] (<see cref="DryRunValues.All"/>).</summary>
    [JsonPropertyName("dryRun")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IList<string>? DryRun { get; set; }
}
