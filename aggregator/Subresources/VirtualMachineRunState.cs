using VmLifecycle.Aggregator.Responses;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>KubeVirt's readings of VM and VMI state that the lifecycle rules rest on.</summary>
internal static class VirtualMachineRunState
{
    /// <summary>
    /// The effective run strategy (KubeVirt's vm.RunStrategy()): spec.runStrategy, else spec.running (true = Always,
    /// false = Halted), else Halted. Both set is an error, a 500 as in virt-api.
    /// </summary>
    public static StatusFailure? TryResolve(VirtualMachine vm, out RunStrategy runStrategy)
    {
        runStrategy = RunStrategy.Halted;
        if (vm.Spec.Running is not null && vm.Spec.RunStrategy is not null)
        {
            return StatusFailure.Internal(KubeVirtMessages.RunningAndRunStrategyMutuallyExclusive);
        }

        runStrategy = vm.Spec.RunStrategy ?? (vm.Spec.Running == true ? RunStrategy.Always : RunStrategy.Halted);
        return null;
    }

    /// <summary>Succeeded or Failed: the VMI will never run again.</summary>
    public static bool IsFinal(this VirtualMachineInstance vmi) =>
        vmi.Status?.Phase is VirtualMachineInstancePhase.Succeeded or VirtualMachineInstancePhase.Failed;

    public static VirtualMachineInstancePhase? Phase(this VirtualMachineInstance vmi) => vmi.Status?.Phase;

    /// <summary>The Paused condition is present (and not explicitly False; the handler removes it on unpause).</summary>
    public static bool IsPaused(this VirtualMachineInstance vmi) =>
        vmi.Status?.Conditions?.Any(condition => condition.Type == ConditionTypes.Paused && condition.Status != ConditionStatus.False) == true;
}
