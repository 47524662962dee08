using System.Text.Json.Serialization;

namespace VmLifecycle.Api.VirtualMachines;

/// <summary>How the VirtualMachine controller keeps (or does not keep) a VirtualMachineInstance running.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunStrategy>))]
public enum RunStrategy
{
    /// <summary>A VirtualMachineInstance always exists; it is recreated whenever it stops. Start is refused, stop switches to Halted.</summary>
    Always,

    /// <summary>The VirtualMachineInstance is recreated only when it failed; a guest that shuts down cleanly stays stopped.</summary>
    RerunOnFailure,

    /// <summary>The VirtualMachineInstance is created and deleted only by explicit start, stop and restart requests.</summary>
    Manual,

    /// <summary>No VirtualMachineInstance exists; start switches to Always.</summary>
    Halted,

    /// <summary>The VirtualMachineInstance runs once and is not recreated when it stops, however it stopped.</summary>
    Once,
}
