using System.Text.Json.Serialization;

namespace VmLifecycle.Api.Domain;

/// <summary>The emulated machine of a virtual machine.</summary>
public sealed class Machine
{
    /// <summary>QEMU machine type, the actual chipset of the virtual machine, for example q35 or pc-q35-8.2.</summary>
    [JsonPropertyName("type")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Type { get; set; }
}
