using System.Text.Json;
using System.Text.Json.Serialization;
using k8s.Models;

namespace VmLifecycle.Api.Domain;

/// <summary>The memory of a virtual machine as the guest sees it.</summary>
public sealed class Memory
{
    /// <summary>
    /// Guest is the amount of memory visible inside the guest OS. Defaults to the memory requested in the resources section.
    /// </summary>
    [JsonPropertyName("guest")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ResourceQuantity? Guest { get; set; }

    /// <summary>Memory fields of KubeVirt that VmLifecycle does not model (hugepages, maxGuest); kept so that they survive a read-modify-write.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
