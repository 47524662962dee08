using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using VmLifecycle.Api.CustomResources;

namespace VmLifecycle.Api.VirtualMachines;

/// <summary>
/// VirtualMachine keeps a virtual machine's configuration and controls its lifecycle: depending on spec.runStrategy
/// it creates, recreates or deletes the VirtualMachineInstance of the same name that actually runs the guest.
/// A stopped VirtualMachine has no VirtualMachineInstance.
/// </summary>
[KubernetesEntity(Group = KubeGroup, ApiVersion = KubeApiVersion, Kind = KubeKind, PluralName = KubePluralName)]
[CustomResource(KubeSingularName, ShortNames = ["vm", "vms"], Categories = ["all"], StatusSubresource = true)]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp")]
[PrinterColumn("Status", "string", ".status.printableStatus", Description = "Human Readable Status")]
[PrinterColumn("Ready", "string", ".status.conditions[?(@.type=='Ready')].status")]
public sealed class VirtualMachine : IKubernetesObject<V1ObjectMeta>, ISpec<VirtualMachineSpec>, IStatus<VirtualMachineStatus?>
{
    /// <summary>The API group of VirtualMachine.</summary>
    public const string KubeGroup = KubeVirtGroup.Name;

    /// <summary>The version of VirtualMachine inside its group.</summary>
    public const string KubeApiVersion = KubeVirtGroup.Version;

    /// <summary>The kind.</summary>
    public const string KubeKind = "VirtualMachine";

    /// <summary>The plural resource name used in URLs.</summary>
    public const string KubePluralName = "virtualmachines";

    /// <summary>The singular resource name; KubeVirt's error messages name the resource by it.</summary>
    public const string KubeSingularName = "virtualmachine";

    /// <summary>
    /// APIVersion defines the versioned schema of this representation of an object: kubevirt.io/v1.
    /// </summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = KubeVirtGroup.ApiVersion;

    /// <summary>Kind is the REST resource this object represents: VirtualMachine.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    /// <summary>Standard object metadata: name, namespace, labels, annotations and so on.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>Spec contains the specification of the VirtualMachine: how it runs and what it runs.</summary>
    [Required]
    [JsonPropertyName("spec")]
    public VirtualMachineSpec Spec { get; set; } = new();

    /// <summary>Status holds the current state of the VirtualMachine, written by the controller.</summary>
    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public VirtualMachineStatus? Status { get; set; }
}
