using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace VmLifecycle.Api.Volumes;

/// <summary>A disk image embedded in a container image.</summary>
public sealed class ContainerDiskSource
{
    /// <summary>Image is the name of the container image with the embedded disk.</summary>
    [Required]
    [JsonPropertyName("image")]
    public string Image { get; set; } = "";

    /// <summary>ImagePullSecret is the name of the registry secret required to pull the image. The secret must already exist.</summary>
    [JsonPropertyName("imagePullSecret")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ImagePullSecret { get; set; }

    /// <summary>Path defines the path to the disk file inside the container image.</summary>
    [JsonPropertyName("path")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Path { get; set; }

    /// <summary>Image pull policy: Always, Never or IfNotPresent. Defaults to Always for the :latest tag, IfNotPresent otherwise.</summary>
    [JsonPropertyName("imagePullPolicy")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ImagePullPolicy { get; set; }
}
