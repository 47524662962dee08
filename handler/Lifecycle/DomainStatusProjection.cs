using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Handler.Libvirt;

namespace VmLifecycle.Handler.Lifecycle;

/// <summary>
/// Writes what a domain's state means into a VMI's status: an active domain is phase Running with Ready and the
/// user-mode network's address, and Paused per libvirt's pause reason (KubeVirt's calculatePausedCondition); a domain
/// that shut off is Succeeded when the guest powered off and Failed otherwise, with the reason in status.reason.
/// </summary>
internal static class DomainStatusProjection
{
    /// <summary>Applies the domain's state; returns whether the status changed.</summary>
    public static bool Apply(VirtualMachineInstance vmi, DomainStatus domain, string node, DateTimeOffset now)
    {
        var before = Snapshot(vmi);
        var status = vmi.Status ??= new VirtualMachineInstanceStatus();
        status.NodeName ??= node;
        if (domain.IsActive)
        {
            status.Phase = VirtualMachineInstancePhase.Running;
            status.Reason = null;
            VmiConditions.Set(vmi, ConditionTypes.Ready, ConditionStatus.True, null, null, now);
            VmiConditions.Remove(vmi, ConditionTypes.Synchronized);
            ApplyPaused(vmi, domain, now);
            if (status.Interfaces is null or { Count: 0 })
            {
                status.Interfaces =
                [
                    new VirtualMachineInstanceNetworkInterface
                    {
                        Name = HandlerReasons.DefaultInterfaceName,
                        IpAddress = HandlerReasons.UserModeNetworkGuestAddress,
                        IpAddresses = [HandlerReasons.UserModeNetworkGuestAddress],
                    },
                ];
            }
        }
        else
        {
            Finish(vmi, FinalPhase(domain, out var reason), reason, now);
        }

        return before != Snapshot(vmi);
    }

    /// <summary>Marks the VMI finished (Succeeded or Failed): not Ready, not Paused, no address.</summary>
    public static bool Finish(VirtualMachineInstance vmi, VirtualMachineInstancePhase phase, string? reason, DateTimeOffset now)
    {
        var before = Snapshot(vmi);
        var status = vmi.Status ??= new VirtualMachineInstanceStatus();
        status.Phase = phase;
        status.Reason = reason;
        status.Interfaces = null;
        VmiConditions.Set(vmi, ConditionTypes.Ready, ConditionStatus.False, ConditionReasons.GuestNotRunning, null, now);
        VmiConditions.Remove(vmi, ConditionTypes.Paused);
        return before != Snapshot(vmi);
    }

    /// <summary>Sets or removes the Paused condition from the domain's state.</summary>
    public static bool ApplyPaused(VirtualMachineInstance vmi, DomainStatus domain, DateTimeOffset now)
    {
        if (domain.State != DomainState.Paused)
        {
            return VmiConditions.Remove(vmi, ConditionTypes.Paused);
        }

        return domain.Reason switch
        {
            DomainStateReasons.PausedUser => VmiConditions.Set(vmi, ConditionTypes.Paused, ConditionStatus.True, ConditionReasons.PausedByUser, KubeVirtMessages.PausedByUser, now),
            DomainStateReasons.PausedIoError => VmiConditions.Set(vmi, ConditionTypes.Paused, ConditionStatus.True, ConditionReasons.PausedIOError, KubeVirtMessages.PausedIOError, now),
            DomainStateReasons.PausedMigration => VmiConditions.Set(vmi, ConditionTypes.Paused, ConditionStatus.True, ConditionReasons.PausedByMigrationMonitor, KubeVirtMessages.PausedByMigrationMonitor, now),
            _ => false, // KubeVirt adds no condition for other pause reasons (a panicking guest is paused briefly, for example).
        };
    }

    public static VirtualMachineInstancePhase FinalPhase(DomainStatus domain, out string? reason)
    {
        (var phase, reason) = domain.Reason switch
        {
            DomainStateReasons.ShutoffShutdown => (VirtualMachineInstancePhase.Succeeded, (string?)null),
            DomainStateReasons.ShutoffCrashed => (VirtualMachineInstancePhase.Failed, HandlerReasons.GuestCrashed),
            DomainStateReasons.ShutoffDestroyed => (VirtualMachineInstancePhase.Failed, HandlerReasons.DomainDestroyed),
            _ => (VirtualMachineInstancePhase.Failed, HandlerReasons.DomainFailed),
        };
        return phase;
    }

    private static string Snapshot(VirtualMachineInstance vmi) =>
        vmi.Status is null ? "" : Api.Serialization.ApiJson.Serialize(new VirtualMachineInstance { Status = vmi.Status });
}
