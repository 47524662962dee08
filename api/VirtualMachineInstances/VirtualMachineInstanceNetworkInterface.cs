using System.Text.Json;
using System.Text.Json.Serialization;

namespace VmLifecycle.Api.VirtualMachineInstances;

/// <summary>A network interface of the running guest, as the node's handler observes it.</summary>
public sealed class VirtualMachineInstanceNetworkInterface
{
    /// <summary>IP address of the interface (the first one, when it has several); shown in the IP column of kubectl get vmi.</summary>
    [JsonPropertyName("ipAddress")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IpAddress { get; set; }

    /// <summary>All IP addresses of the interface.</summary>
    [JsonPropertyName("ipAddresses")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IList<string>? IpAddresses { get; set; }

    /// <summary>Hardware (MAC) address of the interface.</summary>
    [JsonPropertyName("mac")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Mac { get; set; }

    /// <summary>Name of the interface in spec.domain.devices.interfaces and spec.networks.</summary>
    [JsonPropertyName("name")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; set; }

    /// <summary>Name of the interface inside the guest, for example eth0.</summary>
    [JsonPropertyName("interfaceName")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InterfaceName { get; set; }

    /// <summary>Interface fields of KubeVirt that VmLifecycle does not model; kept so that they survive a read-modify-write.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
