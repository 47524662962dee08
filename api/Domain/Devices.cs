using System.Text.Json;
using System.Text.Json.Serialization;

namespace VmLifecycle.Api.Domain;

/// <summary>The devices of a virtual machine: disks, network interfaces and consoles.</summary>
public sealed class Devices
{
    /// <summary>Disks describes disks and cdroms which are connected to the virtual machine; each refers to a volume by name.</summary>
    [JsonPropertyName("disks")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IList<Disk>? Disks { get; set; }

    /// <summary>Interfaces describe the network interfaces added to the virtual machine (KubeVirt Interface objects). Kept as given.</summary>
    [JsonPropertyName("interfaces")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IList<JsonElement>? Interfaces { get; set; }

    /// <summary>Whether to attach the default serial console. Serial console access is not available if set to false. Defaults to true.</summary>
    [JsonPropertyName("autoattachSerialConsole")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? AutoattachSerialConsole { get; set; }

    /// <summary>Whether to attach the default graphics device. VNC is not available if set to false. Defaults to true.</summary>
    [JsonPropertyName("autoattachGraphicsDevice")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? AutoattachGraphicsDevice { get; set; }

    /// <summary>Whether to attach a network interface connected to the pod network. Defaults to true.</summary>
    [JsonPropertyName("autoattachPodInterface")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? AutoattachPodInterface { get; set; }

    /// <summary>Device fields of KubeVirt that VmLifecycle does not model (inputs, rng, ...); kept so that they survive a read-modify-write.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
