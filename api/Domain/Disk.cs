using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VmLifecycle.Api.Domain;

/// <summary>A disk device of the virtual machine, backed by the volume of the same name. Set one of disk, cdrom or lun.</summary>
public sealed class Disk
{
    /// <summary>Name is the device name; it must match the name of a volume in spec.volumes.</summary>
    [Required]
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>Attach the volume as a disk to the virtual machine.</summary>
    [JsonPropertyName("disk")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DiskTarget? DiskTarget { get; set; }

    /// <summary>Attach the volume as a cdrom to the virtual machine.</summary>
    [JsonPropertyName("cdrom")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CdromTarget? Cdrom { get; set; }

    /// <summary>Attach the volume as a LUN to the virtual machine (KubeVirt LunTarget). Kept as given.</summary>
    [JsonPropertyName("lun")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Lun { get; set; }

    /// <summary>
    /// BootOrder is an integer value greater than 0 that orders the boot devices; lower values take precedence.
    /// Disks without a boot order are not tried if a disk with a boot order exists.
    /// </summary>
    [JsonPropertyName("bootOrder")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? BootOrder { get; set; }

    /// <summary>Serial provides the ability to specify a serial number for the disk device.</summary>
    [JsonPropertyName("serial")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Serial { get; set; }

    /// <summary>Disk fields of KubeVirt that VmLifecycle does not model (cache, io, shareable, ...); kept so that they survive a read-modify-write.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
