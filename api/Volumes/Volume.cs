using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VmLifecycle.Api.Volumes;

/// <summary>A named volume of the virtual machine. Set exactly one source: containerDisk, hostDisk, emptyDisk or cloudInitNoCloud.</summary>
public sealed class Volume
{
    /// <summary>Volume's name. Must be a DNS label and unique within the virtual machine; disks refer to it.</summary>
    [Required]
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>ContainerDisk references a container image embedding a qcow2 or raw disk. The disk is ephemeral: writes are lost when the virtual machine stops.</summary>
    [JsonPropertyName("containerDisk")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ContainerDiskSource? ContainerDisk { get; set; }

    /// <summary>HostDisk represents a disk image file on the node's file system.</summary>
    [JsonPropertyName("hostDisk")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public HostDisk? HostDisk { get; set; }

    /// <summary>EmptyDisk represents a temporary blank disk which shares the virtual machine's lifecycle.</summary>
    [JsonPropertyName("emptyDisk")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EmptyDiskSource? EmptyDisk { get; set; }

    /// <summary>CloudInitNoCloud represents a cloud-init NoCloud user-data source, attached to the guest as a disk. The guest needs cloud-init.</summary>
    [JsonPropertyName("cloudInitNoCloud")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CloudInitNoCloudSource? CloudInitNoCloud { get; set; }

    /// <summary>Volume sources of KubeVirt that VmLifecycle does not model (persistentVolumeClaim, dataVolume, ...); kept so that they survive a read-modify-write.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
