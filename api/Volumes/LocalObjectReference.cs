using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace VmLifecycle.Api.Volumes;

/// <summary>A reference to an object, such as a Secret, in the namespace of the virtual machine.</summary>
public sealed class LocalObjectReference
{
    /// <summary>Name of the referent.</summary>
    [Required]
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";
}
