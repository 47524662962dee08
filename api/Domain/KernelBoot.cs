using System.Text.Json.Serialization;

namespace VmLifecycle.Api.Domain;

/// <summary>Direct kernel boot: the virtual machine starts the given kernel and initrd instead of a bootloader.</summary>
public sealed class KernelBoot
{
    /// <summary>Arguments to be passed to the kernel at boot time, for example console=ttyS0.</summary>
    [JsonPropertyName("kernelArgs")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? KernelArgs { get; set; }

    /// <summary>Container defines the container image that contains the kernel and initrd.</summary>
    [JsonPropertyName("container")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public KernelBootContainer? Container { get; set; }
}
