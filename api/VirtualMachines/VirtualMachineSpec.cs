using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using VmLifecycle.Api.VirtualMachineInstances;

namespace VmLifecycle.Api.VirtualMachines;

/// <summary>
/// The desired state of a VirtualMachine.
/// Every KubeVirt field is declared here (some of them as opaque JSON), so the schema rejects unknown fields such as typos.
/// </summary>
public sealed class VirtualMachineSpec
{
    /// <summary>
    /// Deprecated: use runStrategy instead. true behaves like runStrategy Always, false like Halted.
    /// Running and runStrategy are mutually exclusive.
    /// </summary>
    [JsonPropertyName("running")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Running { get; set; }

    /// <summary>
    /// Running state indicator for the VirtualMachine. Always: a VirtualMachineInstance always runs and is recreated when it stops.
    /// RerunOnFailure: it is recreated only after a failure. Manual: only start, stop and restart requests create or delete it.
    /// Halted: nothing runs. Once: it runs once and is not recreated. Mutually exclusive with the deprecated running field.
    /// </summary>
    [JsonPropertyName("runStrategy")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RunStrategy? RunStrategy { get; set; }

    /// <summary>Template is the VirtualMachineInstance that is created whenever the VirtualMachine starts.</summary>
    [Required]
    [JsonPropertyName("template")]
    public VirtualMachineInstanceTemplateSpec Template { get; set; } = new();

    /// <summary>InstancetypeMatcher references an instancetype for the VirtualMachine. Accepted and stored; VmLifecycle does not expand instancetypes.</summary>
    [JsonPropertyName("instancetype")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Instancetype { get; set; }

    /// <summary>PreferenceMatcher references a preference for the VirtualMachine. Accepted and stored; VmLifecycle does not apply preferences.</summary>
    [JsonPropertyName("preference")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Preference { get; set; }

    /// <summary>DataVolume templates (CDI) the VirtualMachine would create. Accepted and stored; VmLifecycle does not create DataVolumes.</summary>
    [JsonPropertyName("dataVolumeTemplates")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IList<JsonElement>? DataVolumeTemplates { get; set; }

    /// <summary>UpdateVolumesStrategy is the strategy to apply on volume updates (Replacement or Migration). Accepted and stored; not acted on.</summary>
    [JsonPropertyName("updateVolumesStrategy")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UpdateVolumesStrategy { get; set; }
}
