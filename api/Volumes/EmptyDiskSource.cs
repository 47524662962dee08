using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using k8s.Models;

namespace VmLifecycle.Api.Volumes;

/// <summary>A blank, temporary disk created when the virtual machine starts and removed when it stops.</summary>
public sealed class EmptyDiskSource
{
    /// <summary>Capacity of the sparse disk, for example 2Gi.</summary>
    [Required]
    [JsonPropertyName("capacity")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ResourceQuantity? Capacity { get; set; }
}
