using System.Text.Json.Serialization;

namespace VmLifecycle.Api.VirtualMachineInstances;

/// <summary>How a VirtualMachineInstance's guest is started.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StartStrategy>))]
public enum StartStrategy
{
    /// <summary>The domain is created paused; unpause lets the guest run.</summary>
    Paused,
}
