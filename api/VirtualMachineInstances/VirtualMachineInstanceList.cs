using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace VmLifecycle.Api.VirtualMachineInstances;

/// <summary>A list of VirtualMachineInstances, as returned by a LIST request.</summary>
[KubernetesEntity(Group = VirtualMachineInstance.KubeGroup, ApiVersion = VirtualMachineInstance.KubeApiVersion, Kind = KubeKind, PluralName = VirtualMachineInstance.KubePluralName)]
public sealed class VirtualMachineInstanceList : IKubernetesObject<V1ListMeta>, IItems<VirtualMachineInstance>
{
    /// <summary>The kind of the list.</summary>
    public const string KubeKind = VirtualMachineInstance.KubeKind + "List";

    /// <summary>APIVersion of the list: kubevirt.io/v1.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = KubeVirtGroup.ApiVersion;

    /// <summary>Kind of the list: VirtualMachineInstanceList.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    /// <summary>Standard list metadata: resourceVersion and continue token.</summary>
    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    /// <summary>The VirtualMachineInstances.</summary>
    [JsonPropertyName("items")]
    public IList<VirtualMachineInstance> Items { get; set; } = [];
}
