using System.Text.Json.Serialization;
using k8s.Models;

namespace VmLifecycle.Api.VirtualMachineInstances;

/// <summary>The VirtualMachineInstance a VirtualMachine creates: its metadata (labels, annotations) and its spec.</summary>
public sealed class VirtualMachineInstanceTemplateSpec
{
    /// <summary>Labels and annotations copied onto the VirtualMachineInstance. Name and namespace are taken from the VirtualMachine.</summary>
    [JsonPropertyName("metadata")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public V1ObjectMeta? Metadata { get; set; }

    /// <summary>VirtualMachineInstance spec: the hardware (domain) and volumes of the virtual machine.</summary>
    [JsonPropertyName("spec")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public VirtualMachineInstanceSpec? Spec { get; set; }
}
