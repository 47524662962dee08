using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Controllers;

/// <summary>
/// virt-controller's syncRunStrategy as a pure decision: from the VirtualMachine (spec, first state change request,
/// recorded run strategy) and its VirtualMachineInstance (or none), what to do next (kubevirt-api.md §4).
/// </summary>
internal static class RunStrategyPolicy
{
    /// <summary>spec.runStrategy, else the deprecated spec.running (true: Always; false or unset: Halted).</summary>
    public static RunStrategy EffectiveRunStrategy(VirtualMachine vm) =>
        vm.Spec.RunStrategy ?? (vm.Spec.Running == true ? RunStrategy.Always : RunStrategy.Halted);

    public static VmAction Decide(VirtualMachine vm, VirtualMachineInstance? vmi)
    {
        var runStrategy = EffectiveRunStrategy(vm);
        return runStrategy switch
        {
            RunStrategy.Always => Always(vm, vmi),
            RunStrategy.RerunOnFailure => RerunOnFailure(vm, vmi, runStrategy),
            RunStrategy.Manual => Manual(vm, vmi),
            RunStrategy.Halted => Halted(vm, vmi),
            RunStrategy.Once => vmi is null ? VmAction.CreateVmi : VmAction.None,
            _ => VmAction.None,
        };
    }

    /// <summary>Whether a VMI is wanted at all (KubeVirt's isSetToStart).</summary>
    public static bool IsSetToStart(VirtualMachine vm, VirtualMachineInstance? vmi) => EffectiveRunStrategy(vm) switch
    {
        RunStrategy.Always => true,
        RunStrategy.Halted => false,
        RunStrategy.Manual => vmi is not null ? !StateChangeRequests.HasStopRequestFor(vm, vmi) : StateChangeRequests.HasStartRequest(vm),
        RunStrategy.RerunOnFailure => vmi is null || vmi.Phase() != VirtualMachineInstancePhase.Succeeded,
        RunStrategy.Once => vmi is null,
        _ => false,
    };

    // A VMI that is final or asked to stop is deleted, and created again once gone.
    private static VmAction Always(VirtualMachine vm, VirtualMachineInstance? vmi)
    {
        if (vmi is null)
        {
            return VmAction.CreateVmi;
        }

        return (StateChangeRequests.HasStopRequestFor(vm, vmi) || vmi.IsFinal()) && !vmi.IsDeleting() ? VmAction.DeleteVmi : VmAction.None;
    }

    // Only a failure brings the VMI back: a failed VMI is deleted and a Start queued; a succeeded one is deleted for good.
    private static VmAction RerunOnFailure(VirtualMachine vm, VirtualMachineInstance? vmi, RunStrategy runStrategy)
    {
        if (vmi is not null)
        {
            var failed = vmi.Phase() == VirtualMachineInstancePhase.Failed;
            var stop = StateChangeRequests.HasStopRequestFor(vm, vmi) || failed || vmi.Phase() == VirtualMachineInstancePhase.Succeeded;
            if (vmi.IsDeleting() || !stop)
            {
                return VmAction.None;
            }

            return failed ? VmAction.DeleteVmiAndQueueStart : VmAction.DeleteVmi;
        }

        // Coming from another run strategy (or never started), the VM starts; afterwards only a Start request starts it.
        return !StateChangeRequests.HasStartRequest(vm) && vm.Status?.RunStrategy == runStrategy ? VmAction.None : VmAction.CreateVmi;
    }

    private static VmAction Manual(VirtualMachine vm, VirtualMachineInstance? vmi)
    {
        if (vmi is not null)
        {
            return StateChangeRequests.HasStopRequestFor(vm, vmi) && !vmi.IsDeleting() ? VmAction.DeleteVmi : VmAction.None;
        }

        return StateChangeRequests.HasStartRequest(vm) ? VmAction.CreateVmi : VmAction.None;
    }

    private static VmAction Halted(VirtualMachine vm, VirtualMachineInstance? vmi)
    {
        if (vmi is null)
        {
            return StateChangeRequests.HasStartRequest(vm) ? VmAction.SwitchToAlways : VmAction.None;
        }

        return vmi.IsDeleting() ? VmAction.None : VmAction.DeleteVmi;
    }
}
