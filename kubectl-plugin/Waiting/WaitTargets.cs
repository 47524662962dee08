using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.KubectlPlugin.Waiting;

/// <summary>The states each lifecycle command waits for with --wait.</summary>
internal static class WaitTargets
{
    private const string Absent = "not found";

    /// <summary>start: the VM's printableStatus is Running (Paused for start --paused).</summary>
    public static WaitTarget VmStatus(string name, PrintableStatus expected) => WaitTarget.ForVirtualMachine(
        name, $"VM {name} to be {expected}", vm => vm?.Status?.PrintableStatus is { } status
            ? new WaitState(status == expected, status.ToString())
            : new WaitState(false, vm is null ? Absent : "no status"));

    /// <summary>stop: the VM is Stopped (its VMI is gone).</summary>
    public static WaitTarget VmStopped(string name) => VmStatus(name, PrintableStatus.Stopped);

    /// <summary>restart: a VMI other than <paramref name="previousUid"/> runs.</summary>
    public static WaitTarget NewInstanceRunning(string name, string? previousUid) => WaitTarget.ForInstance(
        name, $"VMI {name} to run again", vmi => vmi is null
            ? new WaitState(false, Absent)
            : vmi.Metadata?.Uid == previousUid
                ? new WaitState(false, "previous instance " + (vmi.Status?.Phase?.ToString() ?? "Pending"))
                : new WaitState(vmi.Status?.Phase == VirtualMachineInstancePhase.Running, vmi.Status?.Phase?.ToString() ?? "Pending"));

    /// <summary>pause (<paramref name="paused"/> true): the VMI's Paused condition is True; unpause: it is gone.</summary>
    public static WaitTarget InstancePaused(string name, bool paused) => WaitTarget.ForInstance(
        name, $"VMI {name} to be {(paused ? "paused" : "unpaused")}", vmi =>
        {
            if (vmi is null)
            {
                return new WaitState(false, Absent);
            }

            var isPaused = vmi.Status?.Conditions?.Any(c => c.Type == ConditionTypes.Paused && c.Status == ConditionStatus.True) == true;
            return new WaitState(isPaused == paused, isPaused ? "paused" : "not paused");
        });

    /// <summary>rename, first half: the VM of the new name exists.</summary>
    public static WaitTarget VmExists(string name) => WaitTarget.ForVirtualMachine(
        name, $"VM {name} to exist", vm => new WaitState(vm is not null, vm is null ? Absent : "exists"));

    /// <summary>rename, second half: the VM of the old name is gone.</summary>
    public static WaitTarget VmGone(string name) => WaitTarget.ForVirtualMachine(
        name, $"VM {name} to be gone", vm => new WaitState(vm is null, vm is null ? Absent : "exists"));
}
