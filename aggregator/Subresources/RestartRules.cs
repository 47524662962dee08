using VmLifecycle.Aggregator.Observability;
using VmLifecycle.Aggregator.Responses;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.Subresources;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>
/// virt-api's RestartVMRequestHandler as a decision (reference §2 and §4), with KubeVirt v1.9's force restart:
/// gracePeriodSeconds 0 first sets the VMI's terminationGracePeriodSeconds to <see cref="ForceRestartGracePeriodSeconds"/>
/// and puts it back if queuing the restart fails.
/// </summary>
internal static class RestartRules
{
    /// <summary>
    /// KubeVirt v1.9 uses 1 s, not 0: its force restart replaced deleting the launcher pod with grace 1 (issue #9830,
    /// PR #17475). Kept so that the VMI shows what a KubeVirt VMI shows; the guest gets at most one second.
    /// </summary>
    public const long ForceRestartGracePeriodSeconds = 1;

    /// <summary>The checks of the body alone, made before anything is read.</summary>
    public static StatusFailure? ValidateOptions(RestartOptions options) => options.GracePeriodSeconds switch
    {
        > 0 => StatusFailure.BadRequest(KubeVirtMessages.ForceRestartOnlyGracePeriodZero),
        < 0 => StatusFailure.BadRequest(KubeVirtMessages.GracePeriodNotNegative),
        _ => null,
    };

    public static LifecycleDecision Decide(VirtualMachine vm, VirtualMachineInstance? vmi, RestartOptions options)
    {
        var name = vm.Metadata.Name;
        if (ValidateOptions(options) is { } invalidOptions)
        {
            return LifecycleDecision.Refuse(invalidOptions);
        }

        if (VirtualMachineRunState.TryResolve(vm, out var runStrategy) is { } invalid)
        {
            return LifecycleDecision.Refuse(invalid);
        }

        if (runStrategy is RunStrategy.Halted or RunStrategy.Once)
        {
            return LifecycleDecision.Refuse(StatusFailure.Conflict(VirtualMachine.KubeSingularName, name, KubeVirtMessages.ManualRestartNotSupported(runStrategy)));
        }

        if (vmi is null)
        {
            return LifecycleDecision.Refuse(StatusFailure.Conflict(VirtualMachine.KubeSingularName, name, KubeVirtMessages.VmNotRunningHalted));
        }

        if (StateChangeRequestPatch.TryBuild(vm, [StateChangeRequestPatch.Stop(vmi.Metadata.Uid), StateChangeRequestPatch.Start(paused: false)], out var patch) is { } underway)
        {
            return LifecycleDecision.Refuse(underway);
        }

        var force = options.GracePeriodSeconds == 0;
        var gracePatch = force && !vmi.IsFinal() ? GracePeriodPatch.Build(vmi, ForceRestartGracePeriodSeconds, withRollback: true) : null;
        return LifecycleDecision.Apply(
            force ? LifecycleEventMessages.ForceRestartRequested : LifecycleEventMessages.RestartRequested,
            gracePatch,
            new PlannedPatch(PatchTarget.VmStatus, patch));
    }
}
