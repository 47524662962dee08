using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace VmLifecycle.Api.Domain;

/// <summary>The container image holding the kernel and initrd for direct kernel boot.</summary>
public sealed class KernelBootContainer
{
    /// <summary>Image that contains the initrd and kernel files.</summary>
    [Required]
    [JsonPropertyName("image")]
    public string Image { get; set; } = "";

    /// <summary>ImagePullSecret is the name of the registry secret required to pull the image. The secret must already exist.</summary>
    [JsonPropertyName("imagePullSecret")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ImagePullSecret { get; set; }

    /// <summary>The fully-qualified path to the kernel image inside the container image.</summary>
    [JsonPropertyName("kernelPath")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? KernelPath { get; set; }

    /// <summary>The fully-qualified path to the ramdisk (initrd) image inside the container image.</summary>
    [JsonPropertyName("initrdPath")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InitrdPath { get; set; }

    /// <summary>Image pull policy: Always, Never or IfNotPresent. Defaults to Always for the :latest tag, IfNotPresent otherwise.</summary>
    [JsonPropertyName("imagePullPolicy")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ImagePullPolicy { get; set; }
}
