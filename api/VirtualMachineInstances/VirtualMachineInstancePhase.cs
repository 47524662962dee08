using System.Text.Json.Serialization;

namespace VmLifecycle.Api.VirtualMachineInstances;

/// <summary>
/// Where a VirtualMachineInstance is in its life. An unset phase (a null value) means it was just created.
/// There is no Paused phase: a paused VirtualMachineInstance stays Running and carries a Paused condition.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<VirtualMachineInstancePhase>))]
public enum VirtualMachineInstancePhase
{
    /// <summary>Accepted by the system, not yet scheduled.</summary>
    Pending,

    /// <summary>A node is being chosen.</summary>
    Scheduling,

    /// <summary>A node was chosen (status.nodeName); its handler is starting the guest.</summary>
    Scheduled,

    /// <summary>The guest is running (possibly paused, see the Paused condition).</summary>
    Running,

    /// <summary>The guest shut down on its own or was stopped, and will not be restarted by this VirtualMachineInstance.</summary>
    Succeeded,

    /// <summary>The guest crashed or could not be started, and will not be restarted by this VirtualMachineInstance.</summary>
    Failed,

    /// <summary>The VirtualMachineInstance waits for a synchronisation from another cluster.</summary>
    WaitingForSync,

    /// <summary>The state could not be determined, typically because the node's handler is unreachable.</summary>
    Unknown,
}
