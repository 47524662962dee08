using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using k8s.Models;

namespace VmLifecycle.Api.Volumes;

/// <summary>A disk image file on the node's file system.</summary>
public sealed class HostDisk
{
    /// <summary>The path to the disk image on the node.</summary>
    [Required]
    [JsonPropertyName("path")]
    public string Path { get; set; } = "";

    /// <summary>Whether the disk image must exist (Disk) or is created when missing (DiskOrCreate).</summary>
    [Required]
    [JsonPropertyName("type")]
    public HostDiskType Type { get; set; }

    /// <summary>Capacity of the sparse disk image created for DiskOrCreate.</summary>
    [JsonPropertyName("capacity")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ResourceQuantity? Capacity { get; set; }

    /// <summary>Shared indicates whether the path is shared between nodes.</summary>
    [JsonPropertyName("shared")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Shared { get; set; }
}
