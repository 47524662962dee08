using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using VmLifecycle.Api.CustomResources;

namespace VmLifecycle.Api.VirtualMachineInstances;

/// <summary>
/// VirtualMachineInstance is a running virtual machine: the handler of the node it is scheduled to runs it as a libvirt domain.
/// Deleting it shuts the guest down. A VirtualMachine creates and deletes its VirtualMachineInstance of the same name.
/// </summary>
[KubernetesEntity(Group = KubeGroup, ApiVersion = KubeApiVersion, Kind = KubeKind, PluralName = KubePluralName)]
[CustomResource(KubeSingularName, ShortNames = ["vmi", "vmis"], Categories = ["all"], StatusSubresource = true)]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp")]
[PrinterColumn("Phase", "string", ".status.phase")]
[PrinterColumn("IP", "string", ".status.interfaces[0].ipAddress")]
[PrinterColumn("NodeName", "string", ".status.nodeName")]
[PrinterColumn("Ready", "string", ".status.conditions[?(@.type=='Ready')].status")]
[PrinterColumn("Live-Migratable", "string", ".status.conditions[?(@.type=='LiveMigratable')].status", Priority = 1)]
[PrinterColumn("Paused", "string", ".status.conditions[?(@.type=='Paused')].status", Priority = 1)]
public sealed class VirtualMachineInstance : IKubernetesObject<V1ObjectMeta>, ISpec<VirtualMachineInstanceSpec>, IStatus<VirtualMachineInstanceStatus?>
{
    /// <summary>The API group of VirtualMachineInstance.</summary>
    public const string KubeGroup = KubeVirtGroup.Name;

    /// <summary>The version of VirtualMachineInstance inside its group.</summary>
    public const string KubeApiVersion = KubeVirtGroup.Version;

    /// <summary>The kind.</summary>
    public const string KubeKind = "VirtualMachineInstance";

    /// <summary>The plural resource name used in URLs.</summary>
    public const string KubePluralName = "virtualmachineinstances";

    /// <summary>The singular resource name; KubeVirt's error messages name the resource by it.</summary>
    public const string KubeSingularName = "virtualmachineinstance";

    /// <summary>APIVersion defines the versioned schema of this representation of an object: kubevirt.io/v1.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = KubeVirtGroup.ApiVersion;

    /// <summary>Kind is the REST resource this object represents: VirtualMachineInstance.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    /// <summary>Standard object metadata: name, namespace, labels, annotations and so on.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>Spec is the specification of the virtual machine: its hardware (domain) and its volumes.</summary>
    [Required]
    [JsonPropertyName("spec")]
    public VirtualMachineInstanceSpec Spec { get; set; } = new();

    /// <summary>Status is the observed state of the virtual machine, written by the controllers and the node's handler.</summary>
    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public VirtualMachineInstanceStatus? Status { get; set; }
}
