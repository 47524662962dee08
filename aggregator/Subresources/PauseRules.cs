using System.Text.Json;
using VmLifecycle.Aggregator.Responses;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>virt-api's validation of pause and unpause against the VMI (reference §2), in virt-api's order.</summary>
internal static class PauseRules
{
    private const string GuestAgentPing = "guestAgentPing";

    public static StatusFailure? ValidatePause(VirtualMachineInstance vmi)
    {
        var name = vmi.Metadata.Name;
        if (vmi.Phase() != VirtualMachineInstancePhase.Running)
        {
            // virt-api answers with the VM's text here, on the VMI.
            return StatusFailure.Conflict(VirtualMachineInstance.KubeSingularName, name, KubeVirtMessages.VmNotRunning);
        }

        if (HasNonGuestAgentPingLivenessProbe(vmi))
        {
            return StatusFailure.Forbidden(VirtualMachineInstance.KubeSingularName, name, KubeVirtMessages.PauseWithLivenessProbeNotSupported);
        }

        return vmi.IsPaused()
            ? StatusFailure.Conflict(VirtualMachineInstance.KubeSingularName, name, KubeVirtMessages.VmiAlreadyPaused)
            : null;
    }

    /// <summary>
    /// virt-api checks the VirtualMachine of the same name first, before it even reads the VMI: a snapshot in progress
    /// blocks unpause.
    /// </summary>
    public static StatusFailure? ValidateUnpauseOfVm(VirtualMachine? vm) =>
        vm?.Status?.SnapshotInProgress is { Length: > 0 }
            ? StatusFailure.Conflict(VirtualMachine.KubeSingularName, vm.Metadata.Name, KubeVirtMessages.VmSnapshotInProgress)
            : null;

    public static StatusFailure? ValidateUnpause(VirtualMachineInstance vmi)
    {
        var name = vmi.Metadata.Name;
        if (vmi.Phase() != VirtualMachineInstancePhase.Running)
        {
            return StatusFailure.Conflict(VirtualMachineInstance.KubeSingularName, name, KubeVirtMessages.VmiNotRunning);
        }

        return vmi.IsPaused() ? null : StatusFailure.Conflict(VirtualMachineInstance.KubeSingularName, name, KubeVirtMessages.VmiNotPaused);
    }

    /// <summary>Since KubeVirt v1.9 (PR #17235) only guestAgentPing liveness probes may be paused (they are paused with the guest).</summary>
    private static bool HasNonGuestAgentPingLivenessProbe(VirtualMachineInstance vmi)
    {
        if (vmi.Spec.LivenessProbe is not { } probe || probe.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return false;
        }

        return probe.ValueKind != JsonValueKind.Object
            || !probe.TryGetProperty(GuestAgentPing, out var ping)
            || ping.ValueKind == JsonValueKind.Null;
    }
}
