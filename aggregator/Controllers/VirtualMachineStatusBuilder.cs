using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Controllers;

/// <summary>A failed create or delete of the VMI, shown as the VM's Failure condition.</summary>
internal sealed record SyncFailure(string Reason, string Message);

/// <summary>
/// virt-controller's updateStatus as a pure function: created, ready, runStrategy, the first state change request trimmed
/// once done, the VMI's conditions copied (all but Ready, Failure and RestartRequired; Paused with its reason and message),
/// the Ready condition derived, the Failure condition, and printableStatus.
/// </summary>
internal static class VirtualMachineStatusBuilder
{
    private static readonly HashSet<string> NotCopied = [ConditionTypes.Ready, ConditionTypes.Failure, ConditionTypes.RestartRequired];

    /// <summary>Updates <paramref name="status"/> (a copy of the VM's status) in place.</summary>
    public static void Apply(
        VirtualMachine vm, VirtualMachineStatus status, VirtualMachineInstance? vmi, SyncFailure? failure, bool startExpected, bool stopExpected, DateTime now)
    {
        status.Created = vmi is not null;
        status.Ready = vmi.HasCondition(ConditionTypes.Ready, ConditionStatus.True);

        // Recorded from the first creation on, so that RerunOnFailure can tell "never started" from "stopped".
        if (status.RunStrategy is not null || status.Created == true)
        {
            status.RunStrategy = RunStrategyPolicy.EffectiveRunStrategy(vm);
        }

        if (StateChangeRequests.IsFirstDone(WithStatus(vm, status), vmi))
        {
            status.StateChangeRequests = status.StateChangeRequests!.Skip(1).ToList();
        }

        if (status.StateChangeRequests is { Count: 0 })
        {
            status.StateChangeRequests = null;
        }

        var conditions = status.Conditions?.ToList() ?? [];
        SyncReady(conditions, vmi, now);
        SyncFailureCondition(conditions, failure, now);
        if (vmi is not null)
        {
            var fromVmi = (vmi.Status?.Conditions ?? []).Where(c => !NotCopied.Contains(c.Type)).ToList();
            foreach (var condition in fromVmi)
            {
                Update(conditions, new VirtualMachineCondition
                {
                    Type = condition.Type,
                    Status = condition.Status,
                    Reason = condition.Reason,
                    Message = condition.Message,
                    LastProbeTime = condition.LastProbeTime,
                    LastTransitionTime = condition.LastTransitionTime,
                });
            }

            conditions.RemoveAll(c => !NotCopied.Contains(c.Type) && fromVmi.All(v => v.Type != c.Type));
        }
        else
        {
            // virt-controller leaves the last VMI's conditions on a VM whose VMI is gone (its VMI finalizer usually lets it
            // see them cleared first); here a stopped VM carries none, so no Paused condition outlives its VMI.
            conditions.RemoveAll(c => !NotCopied.Contains(c.Type));
        }

        status.Conditions = conditions.Count == 0 ? null : conditions;
        status.PrintableStatus = PrintableStatusCalculator.Calculate(WithStatus(vm, status), vmi, startExpected, stopExpected);
    }

    private static void SyncReady(List<VirtualMachineCondition> conditions, VirtualMachineInstance? vmi, DateTime now)
    {
        var ready = vmi.Condition(ConditionTypes.Ready);
        Update(conditions, vmi is null
            ? new VirtualMachineCondition
            {
                Type = ConditionTypes.Ready, Status = ConditionStatus.False, Reason = ControllerMessages.VmiNotExistsReason,
                Message = ControllerMessages.VmiNotExistsMessage, LastProbeTime = now, LastTransitionTime = now,
            }
            : ready is null
                ? new VirtualMachineCondition
                {
                    Type = ConditionTypes.Ready, Status = ConditionStatus.False, Reason = ControllerMessages.VmiConditionMissingReason,
                    Message = ControllerMessages.VmiConditionMissingMessage, LastProbeTime = now, LastTransitionTime = now,
                }
                : new VirtualMachineCondition
                {
                    Type = ConditionTypes.Ready, Status = ready.Status, Reason = ready.Reason, Message = ready.Message,
                    LastProbeTime = ready.LastProbeTime, LastTransitionTime = ready.LastTransitionTime ?? now,
                });
    }

    private static void SyncFailureCondition(List<VirtualMachineCondition> conditions, SyncFailure? failure, DateTime now)
    {
        if (failure is null)
        {
            conditions.RemoveAll(c => c.Type == ConditionTypes.Failure);
            return;
        }

        Update(conditions, new VirtualMachineCondition
        {
            Type = ConditionTypes.Failure, Status = ConditionStatus.True, Reason = failure.Reason, Message = failure.Message, LastTransitionTime = now,
        });
    }

    // As KubeVirt's condition manager: an unchanged condition (same status, reason and message) keeps its times, so a
    // reconcile that changes nothing writes nothing.
    private static void Update(List<VirtualMachineCondition> conditions, VirtualMachineCondition condition)
    {
        var index = conditions.FindIndex(c => c.Type == condition.Type);
        if (index < 0)
        {
            conditions.Add(condition);
            return;
        }

        var existing = conditions[index];
        if (existing.Status != condition.Status || existing.Reason != condition.Reason || existing.Message != condition.Message)
        {
            conditions[index] = condition;
        }
    }

    private static VirtualMachine WithStatus(VirtualMachine vm, VirtualMachineStatus status) =>
        new() { Metadata = vm.Metadata, Spec = vm.Spec, Status = status };
}
