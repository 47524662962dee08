using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VmLifecycle.Api.Domain;

/// <summary>The virtual hardware of a VirtualMachineInstance, turned into a libvirt domain on its node.</summary>
public sealed class DomainSpec
{
    /// <summary>Resources describes the compute resources (memory, cpu) required by the virtual machine.</summary>
    [JsonPropertyName("resources")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ResourceRequirements? Resources { get; set; }

    /// <summary>CPU specifies the CPU topology and model inside the virtual machine.</summary>
    [JsonPropertyName("cpu")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Cpu? Cpu { get; set; }

    /// <summary>Memory specifies the memory visible to the guest.</summary>
    [JsonPropertyName("memory")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Memory? Memory { get; set; }

    /// <summary>Machine specifies the emulated machine (chipset) type.</summary>
    [JsonPropertyName("machine")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Machine? Machine { get; set; }

    /// <summary>Firmware specifies the firmware settings, such as the UUID, the serial number and direct kernel boot.</summary>
    [JsonPropertyName("firmware")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Firmware? Firmware { get; set; }

    /// <summary>Devices allows adding disks, network interfaces and other devices to the virtual machine.</summary>
    [Required]
    [JsonPropertyName("devices")]
    public Devices Devices { get; set; } = new();

    /// <summary>Domain fields of KubeVirt that VmLifecycle does not model (features, clock, ...); kept so that they survive a read-modify-write.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
