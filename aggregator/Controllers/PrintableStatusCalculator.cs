using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Controllers;

/// <summary>
/// virt-controller's setPrintableStatus: the first state that holds wins, in KubeVirt's order (kubevirt-api.md §3):
/// Terminating, Stopping, Migrating, Paused, Running, ErrorPvcNotFound, DataVolumeError, ErrorUnschedulable, Provisioning,
/// WaitingForVolumeBinding, ErrImagePull, ImagePullBackOff, Starting, CrashLoopBackOff, Stopped, WaitingForReceiver, else
/// Unknown. States that need objects VmLifecycle does not have (migrations, DataVolumes, PVC binding, receivers) never hold.
/// </summary>
internal static class PrintableStatusCalculator
{
    // Synchronized condition reasons KubeVirt uses for image and PVC errors.
    public const string FailedPvcNotFoundReason = "FailedPvcNotFound";
    public const string ErrImagePullReason = "ErrImagePull";
    public const string ImagePullBackOffReason = "ImagePullBackOff";

    /// <param name="startExpected">A VMI creation was sent and is not yet seen (KubeVirt's expectations).</param>
    /// <param name="stopExpected">A VMI deletion was sent and is not yet seen.</param>
    public static PrintableStatus Calculate(VirtualMachine vm, VirtualMachineInstance? vmi, bool startExpected, bool stopExpected)
    {
        if (vm.Metadata?.DeletionTimestamp is not null)
        {
            return PrintableStatus.Terminating;
        }

        if (vmi is not null && !vmi.IsFinal() && (vmi.IsDeleting() || stopExpected))
        {
            return PrintableStatus.Stopping;
        }

        if (vmi is not null && vmi.IsRunning())
        {
            return vmi.IsPaused() ? PrintableStatus.Paused : PrintableStatus.Running;
        }

        if (vmi.HasCondition(ConditionTypes.Synchronized, ConditionStatus.False, FailedPvcNotFoundReason))
        {
            return PrintableStatus.ErrorPvcNotFound;
        }

        if (vmi.HasCondition(ConditionTypes.PodScheduled, ConditionStatus.False, ConditionReasons.Unschedulable))
        {
            return PrintableStatus.ErrorUnschedulable;
        }

        if (vmi.HasCondition(ConditionTypes.Synchronized, ConditionStatus.False, ErrImagePullReason))
        {
            return PrintableStatus.ErrImagePull;
        }

        if (vmi.HasCondition(ConditionTypes.Synchronized, ConditionStatus.False, ImagePullBackOffReason))
        {
            return PrintableStatus.ImagePullBackOff;
        }

        if (vmi is null ? startExpected : vmi.Phase() is null or VirtualMachineInstancePhase.Pending or VirtualMachineInstancePhase.Scheduling or VirtualMachineInstancePhase.Scheduled)
        {
            return PrintableStatus.Starting;
        }

        if ((vmi is null || vmi.IsFinal()) && !startExpected && IsCrashLooping(vm))
        {
            return PrintableStatus.CrashLoopBackOff;
        }

        if (vmi is null ? !startExpected : vmi.IsFinal())
        {
            return PrintableStatus.Stopped;
        }

        return PrintableStatus.Unknown;
    }

    // status.startFailure.consecutiveFailCount > 0 with a run strategy that restarts by itself.
    private static bool IsCrashLooping(VirtualMachine vm) =>
        RunStrategyPolicy.EffectiveRunStrategy(vm) is RunStrategy.Always or RunStrategy.RerunOnFailure or RunStrategy.Once
        && vm.Status?.StartFailure is { ConsecutiveFailCount: > 0 };
}
