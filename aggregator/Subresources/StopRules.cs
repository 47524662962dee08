using VmLifecycle.Aggregator.Observability;
using VmLifecycle.Aggregator.Responses;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.Subresources;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>
/// virt-api's StopVMRequestHandler as a decision (reference §2 and §4). One deliberate difference: virt-api patches the
/// VMI's grace period before it checks the run strategy, so a refused stop can still change it; here the checks come
/// first and a refused stop changes nothing.
/// </summary>
internal static class StopRules
{
    public static LifecycleDecision Decide(VirtualMachine vm, VirtualMachineInstance? vmi, StopOptions options)
    {
        var name = vm.Metadata.Name;
        if (VirtualMachineRunState.TryResolve(vm, out var runStrategy) is { } invalid)
        {
            return LifecycleDecision.Refuse(invalid);
        }

        var running = vmi is not null && !vmi.IsFinal();
        var gracePatch = running && options.GracePeriod is { } gracePeriod ? GracePeriodPatch.Build(vmi!, gracePeriod, withRollback: false) : null;
        var eventReason = options.GracePeriod == 0 ? LifecycleEventMessages.ForceStopRequested : LifecycleEventMessages.StopRequested;

        switch (runStrategy)
        {
            case RunStrategy.Halted:
                if (!running)
                {
                    return NotRunning(name);
                }

                var current = vmi!.Spec.TerminationGracePeriodSeconds;
                if (options.GracePeriod is null || (current is not null && options.GracePeriod >= current))
                {
                    return LifecycleDecision.Refuse(StatusFailure.Conflict(VirtualMachine.KubeSingularName, name, KubeVirtMessages.HaltedStopNeedsShorterGracePeriod));
                }

                return StopRequest(vm, vmi, gracePatch, eventReason);

            case RunStrategy.Manual or RunStrategy.RerunOnFailure:
                return running ? StopRequest(vm, vmi!, gracePatch, eventReason) : NotRunning(name);

            default:
                // Always and Once: halting the VM is the stop, whether a VMI exists or not.
                return LifecycleDecision.Apply(eventReason, gracePatch, new PlannedPatch(PatchTarget.Vm, RunningPatch.Build(vm, running: false)));
        }
    }

    private static LifecycleDecision StopRequest(VirtualMachine vm, VirtualMachineInstance vmi, PlannedPatch? gracePatch, string eventReason) =>
        StateChangeRequestPatch.TryBuild(vm, [StateChangeRequestPatch.Stop(vmi.Metadata.Uid)], out var patch) is { } failure
            ? LifecycleDecision.Refuse(failure)
            : LifecycleDecision.Apply(eventReason, gracePatch, new PlannedPatch(PatchTarget.VmStatus, patch));

    private static LifecycleDecision NotRunning(string name) =>
        LifecycleDecision.Refuse(StatusFailure.Conflict(VirtualMachine.KubeSingularName, name, KubeVirtMessages.VmNotRunning));
}
