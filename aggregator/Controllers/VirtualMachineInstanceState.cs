using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;

namespace VmLifecycle.Aggregator.Controllers;

/// <summary>Questions KubeVirt asks of a VirtualMachineInstance (IsFinal, IsRunning, ...), in one place.</summary>
internal static class VirtualMachineInstanceState
{
    public static VirtualMachineInstancePhase? Phase(this VirtualMachineInstance vmi) => vmi.Status?.Phase;

    public static bool IsFinal(this VirtualMachineInstance vmi) => vmi.Phase() is VirtualMachineInstancePhase.Succeeded or VirtualMachineInstancePhase.Failed;

    public static bool IsDeleting(this VirtualMachineInstance vmi) => vmi.Metadata?.DeletionTimestamp is not null;

    public static bool IsRunning(this VirtualMachineInstance vmi) => vmi.Phase() == VirtualMachineInstancePhase.Running;

    /// <summary>Not yet scheduled: no phase, Pending, or Scheduling without a node (KubeVirt's IsUnprocessed plus an interrupted scheduling).</summary>
    public static bool IsUnscheduled(this VirtualMachineInstance vmi) =>
        string.IsNullOrEmpty(vmi.Status?.NodeName)
        && vmi.Phase() is null or VirtualMachineInstancePhase.Pending or VirtualMachineInstancePhase.Scheduling;

    public static VirtualMachineInstanceCondition? Condition(this VirtualMachineInstance? vmi, string type) =>
        vmi?.Status?.Conditions?.FirstOrDefault(condition => condition.Type == type);

    public static bool HasCondition(this VirtualMachineInstance? vmi, string type, string status, string? reason = null) =>
        vmi.Condition(type) is { } condition && condition.Status == status && (reason is null || condition.Reason == reason);

    public static bool IsPaused(this VirtualMachineInstance vmi) => vmi.HasCondition(ConditionTypes.Paused, ConditionStatus.True);
}
