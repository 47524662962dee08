using k8s.Models;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Tests.Controllers;

/// <summary>The request and VMI states the decision tables of the controller tests are written in.</summary>
internal static class ControllerObjects
{
    public const string VmiUid = "vmi-1";

    public static VirtualMachine Vm(RunStrategy? runStrategy, string request = "none", RunStrategy? recorded = null, bool? running = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = "vm", NamespaceProperty = "default", Uid = "vm-uid", ResourceVersion = "3" },
        Spec = new VirtualMachineSpec { RunStrategy = runStrategy, Running = running },
        Status = new VirtualMachineStatus { RunStrategy = recorded, StateChangeRequests = Requests(request) },
    };

    public static IList<StateChangeRequest>? Requests(string request) => request switch
    {
        "none" => null,
        "start" => [new StateChangeRequest { Action = StateChangeRequestAction.Start }],
        "start-paused" => [new StateChangeRequest { Action = StateChangeRequestAction.Start, Data = new Dictionary<string, string> { ["paused"] = "true" } }],
        "stop-this" => [new StateChangeRequest { Action = StateChangeRequestAction.Stop, Uid = VmiUid }],
        "stop-other" => [new StateChangeRequest { Action = StateChangeRequestAction.Stop, Uid = "vmi-0" }],
        "stop-no-uid" => [new StateChangeRequest { Action = StateChangeRequestAction.Stop }],
        "restart" => [new StateChangeRequest { Action = StateChangeRequestAction.Stop, Uid = VmiUid }, new StateChangeRequest { Action = StateChangeRequestAction.Start }],
        _ => throw new ArgumentOutOfRangeException(nameof(request), request, null),
    };

    /// <summary>none, unset, Pending, Scheduling, Scheduled, Running, Paused, Succeeded, Failed, Unknown, Deleting (Running with a deletionTimestamp).</summary>
    public static VirtualMachineInstance? Vmi(string state)
    {
        if (state == "none")
        {
            return null;
        }

        var vmi = new VirtualMachineInstance
        {
            Metadata = new V1ObjectMeta { Name = "vm", NamespaceProperty = "default", Uid = VmiUid },
            Status = new VirtualMachineInstanceStatus(),
        };
        switch (state)
        {
            case "unset":
                break;
            case "Deleting":
                vmi.Metadata.DeletionTimestamp = DateTime.UtcNow;
                vmi.Status.Phase = VirtualMachineInstancePhase.Running;
                break;
            case "Paused":
                vmi.Status.Phase = VirtualMachineInstancePhase.Running;
                vmi.Status.Conditions =
                [
                    new VirtualMachineInstanceCondition { Type = ConditionTypes.Ready, Status = ConditionStatus.True },
                    new VirtualMachineInstanceCondition
                    {
                        Type = ConditionTypes.Paused, Status = ConditionStatus.True, Reason = ConditionReasons.PausedByUser, Message = KubeVirtMessages.PausedByUser,
                    },
                ];
                break;
            default:
                vmi.Status.Phase = Enum.Parse<VirtualMachineInstancePhase>(state);
                break;
        }

        return vmi;
    }
}
