using System.Text.Json.Serialization;

namespace VmLifecycle.Api.Domain;

/// <summary>How a volume is attached as a disk.</summary>
public sealed class DiskTarget
{
    /// <summary>Bus indicates the type of disk device to emulate: virtio, sata, scsi or usb.</summary>
    [JsonPropertyName("bus")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Bus { get; set; }

    /// <summary>ReadOnly attaches the disk read-only. Defaults to false.</summary>
    [JsonPropertyName("readonly")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ReadOnly { get; set; }

    /// <summary>If specified, the virtual disk is placed at this PCI address in the guest, for example 0000:81:01.10.</summary>
    [JsonPropertyName("pciAddress")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PciAddress { get; set; }
}
