using System.Text.Json;
using System.Text.Json.Serialization;

namespace VmLifecycle.Api.Domain;

/// <summary>The firmware settings of a virtual machine.</summary>
public sealed class Firmware
{
    /// <summary>UUID reported by the virtual machine's BIOS. Defaults to a random generated UUID.</summary>
    [JsonPropertyName("uuid")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Uuid { get; set; }

    /// <summary>The system serial number reported in SMBIOS.</summary>
    [JsonPropertyName("serial")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Serial { get; set; }

    /// <summary>Settings to boot a kernel and initrd directly, without a bootloader in the disk image.</summary>
    [JsonPropertyName("kernelBoot")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public KernelBoot? KernelBoot { get; set; }

    /// <summary>Firmware fields of KubeVirt that VmLifecycle does not model (bootloader, acpi, ...); kept so that they survive a read-modify-write.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
