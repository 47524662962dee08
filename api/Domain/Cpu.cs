using System.Text.Json;
using System.Text.Json.Serialization;

namespace VmLifecycle.Api.Domain;

/// <summary>The CPU topology and model of a virtual machine.</summary>
public sealed class Cpu
{
    /// <summary>Cores specifies the number of cores inside the virtual machine. Must be a value greater or equal 1.</summary>
    [JsonPropertyName("cores")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Cores { get; set; }

    /// <summary>Sockets specifies the number of sockets inside the virtual machine. Must be a value greater or equal 1.</summary>
    [JsonPropertyName("sockets")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Sockets { get; set; }

    /// <summary>Threads specifies the number of threads per core inside the virtual machine. Must be a value greater or equal 1.</summary>
    [JsonPropertyName("threads")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Threads { get; set; }

    /// <summary>
    /// Model specifies the CPU model inside the virtual machine, a libvirt CPU model name, or host-passthrough to get the
    /// node's CPU, or host-model to get the model closest to it. Defaults to host-model.
    /// </summary>
    [JsonPropertyName("model")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Model { get; set; }

    /// <summary>CPU fields of KubeVirt that VmLifecycle does not model (features, dedicatedCpuPlacement, ...); kept so that they survive a read-modify-write.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
