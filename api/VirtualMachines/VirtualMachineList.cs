using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace VmLifecycle.Api.VirtualMachines;

/// <summary>A list of VirtualMachines, as returned by a LIST request.</summary>
[KubernetesEntity(Group = VirtualMachine.KubeGroup, ApiVersion = VirtualMachine.KubeApiVersion, Kind = KubeKind, PluralName = VirtualMachine.KubePluralName)]
public sealed class VirtualMachineList : IKubernetesObject<V1ListMeta>, IItems<VirtualMachine>
{
    /// <summary>The kind of the list.</summary>
    public const string KubeKind = VirtualMachine.KubeKind + "List";

    /// <summary>APIVersion of the list: kubevirt.io/v1.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = KubeVirtGroup.ApiVersion;

    /// <summary>Kind of the list: VirtualMachineList.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    /// <summary>Standard list metadata: resourceVersion and continue token.</summary>
    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    /// <summary>The VirtualMachines.</summary>
    [JsonPropertyName("items")]
    public IList<VirtualMachine> Items { get; set; } = [];
}
