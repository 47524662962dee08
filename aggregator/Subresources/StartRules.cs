using VmLifecycle.Aggregator.Observability;
using VmLifecycle.Aggregator.Responses;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.Subresources;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>virt-api's StartVMRequestHandler, as a decision over the VM and VMI read (reference §2 and §4).</summary>
internal static class StartRules
{
    public static LifecycleDecision Decide(VirtualMachine vm, VirtualMachineInstance? vmi, StartOptions options)
    {
        var name = vm.Metadata.Name;
        if (VirtualMachineRunState.TryResolve(vm, out var runStrategy) is { } invalid)
        {
            return LifecycleDecision.Refuse(invalid);
        }

        if (vmi is not null && !vmi.IsFinal() && vmi.Phase() is not null and not VirtualMachineInstancePhase.Unknown)
        {
            return LifecycleDecision.Refuse(StatusFailure.Conflict(VirtualMachine.KubeSingularName, name, KubeVirtMessages.VmAlreadyRunning));
        }

        var paused = options.Paused == true;
        switch (runStrategy)
        {
            case RunStrategy.Halted:
                if (!paused)
                {
                    return LifecycleDecision.Apply(LifecycleEventMessages.StartRequested, new PlannedPatch(PatchTarget.Vm, RunningPatch.Build(vm, running: true)));
                }

                // A paused start only queues the request; the VM controller flips Halted to Always when it acts on it.
                return StateChangeRequestPatch.TryBuild(vm, [StateChangeRequestPatch.Start(paused: true)], out var pausedStart) is { } underway
                    ? LifecycleDecision.Refuse(underway)
                    : LifecycleDecision.Apply(LifecycleEventMessages.StartRequested, new PlannedPatch(PatchTarget.VmStatus, pausedStart));

            case RunStrategy.Manual or RunStrategy.RerunOnFailure:
                if (runStrategy == RunStrategy.RerunOnFailure && vmi?.Phase() == VirtualMachineInstancePhase.Failed)
                {
                    return LifecycleDecision.Refuse(StatusFailure.Conflict(VirtualMachine.KubeSingularName, name, KubeVirtMessages.RerunOnFailureCannotStartFromFailed));
                }

                var needsStopFirst = runStrategy == RunStrategy.RerunOnFailure
                    ? vmi?.Phase() == VirtualMachineInstancePhase.Succeeded
                    : vmi?.IsFinal() == true;
                IReadOnlyList<StateChangeRequest> changes = needsStopFirst
                    ? [StateChangeRequestPatch.Stop(vmi!.Metadata.Uid), StateChangeRequestPatch.Start(paused)]
                    : [StateChangeRequestPatch.Start(paused)];
                return StateChangeRequestPatch.TryBuild(vm, changes, out var patch) is { } failure
                    ? LifecycleDecision.Refuse(failure)
                    : LifecycleDecision.Apply(LifecycleEventMessages.StartRequested, new PlannedPatch(PatchTarget.VmStatus, patch));

            default:
                // Always and Once keep (or kept) a VMI running by themselves.
                return LifecycleDecision.Refuse(StatusFailure.Conflict(VirtualMachine.KubeSingularName, name, KubeVirtMessages.ManualStartNotSupported(runStrategy)));
        }
    }
}
