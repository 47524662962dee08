using Microsoft.Extensions.Options;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Controllers;

/// <summary>
/// virt-controller's start failure back-off (syncStartFailureStatus, calculateStartBackoffTime) for the run strategies
/// that restart by themselves (Always, RerunOnFailure): each Failed VMI is counted once (by uid) in status.startFailure,
/// and no new VMI is created before its retryAfterTimestamp. The delay is base × n² plus a random jitter of up to half
/// of that, capped (KubeVirt: 10 s base, 300 s cap: 10–15 s, 40–60 s, 90–135 s, 160–240 s, then 300 s). The count is
/// cleared once a later VMI has stayed Running for <see cref="ControllerOptions.StartFailureResetAfter"/> or has
/// Succeeded; a VMI that fails after running that long starts a new count at 1. A start or stop request clears it too (virt-api's status patch).
/// </summary>
internal sealed class StartFailureBackoff(IOptions<ControllerOptions> options)
{
    /// <summary>
    /// The delay after the <paramref name="failCount"/>th consecutive failure: <paramref name="interval"/> × n², plus
    /// <paramref name="jitter"/> (0 to 1) × half of that, at most <paramref name="max"/>.
    /// </summary>
    public static TimeSpan Delay(int failCount, TimeSpan interval, TimeSpan max, double jitter)
    {
        var n = Math.Max(failCount, 1);
        var delay = interval * ((double)n * n);
        delay += delay / 2 * Math.Clamp(jitter, 0, 1);
        return delay > max ? max : delay;
    }

    /// <summary>Whether the run strategy restarts a failed VMI by itself, and so backs off.</summary>
    public static bool Applies(VirtualMachine vm) =>
        RunStrategyPolicy.EffectiveRunStrategy(vm) is RunStrategy.Always or RunStrategy.RerunOnFailure;

    /// <summary>How long a VMI creation still has to wait, or null when it may go ahead.</summary>
    public static TimeSpan? RetryIn(VirtualMachine vm, DateTime now) =>
        Applies(vm) && vm.Status?.StartFailure?.RetryAfterTimestamp is { } retryAfter && retryAfter > now ? retryAfter - now : null;

    /// <summary>status.startFailure as it follows from <paramref name="current"/> and the VM's VMI.</summary>
    public VirtualMachineStartFailure? Sync(VirtualMachine vm, VirtualMachineStartFailure? current, VirtualMachineInstance? vmi, DateTime now)
    {
        if (vmi is null || !Applies(vm) || current?.LastFailedVMIUID == vmi.Metadata.Uid)
        {
            return current;
        }

        var settings = options.Value;
        if (vmi.Phase() == VirtualMachineInstancePhase.Failed)
        {
            var count = current is not null && !HasRunLongEnough(vmi, now) ? current.ConsecutiveFailCount + 1 : 1;
            return new VirtualMachineStartFailure
            {
                ConsecutiveFailCount = count,
                LastFailedVMIUID = vmi.Metadata.Uid,
                RetryAfterTimestamp = now + Delay(count, settings.StartFailureBackoffBase, settings.StartFailureBackoffMax, Random.Shared.NextDouble()),
            };
        }

        var succeeded = vmi.Phase() == VirtualMachineInstancePhase.Succeeded || (vmi.IsRunning() && HasRunLongEnough(vmi, now));
        return succeeded ? null : current;
    }

    /// <summary>When a Running VMI will have run long enough to clear status.startFailure, or null when nothing is due.</summary>
    public TimeSpan? ResetIn(VirtualMachine vm, VirtualMachineInstance? vmi, DateTime now)
    {
        if (vmi is null || !vmi.IsRunning() || vm.Status?.StartFailure is not { } current || current.LastFailedVMIUID == vmi.Metadata.Uid
            || vmi.Metadata.CreationTimestamp is not { } created)
        {
            return null;
        }

        var left = created + options.Value.StartFailureResetAfter - now;
        return left > TimeSpan.Zero ? left : null;
    }

    // The VMI's age stands for its running time (the VMI status carries no phase transition times here).
    private bool HasRunLongEnough(VirtualMachineInstance vmi, DateTime now) =>
        vmi.Metadata.CreationTimestamp is { } created && now - created >= options.Value.StartFailureResetAfter;
}
