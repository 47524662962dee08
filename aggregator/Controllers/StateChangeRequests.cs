using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Controllers;

/// <summary>
/// virt-controller's reading of status.stateChangeRequests: only the first request counts (the later ones have not been
/// acted on yet), and it is trimmed once done (kubevirt-api.md §4).
/// </summary>
internal static class StateChangeRequests
{
    public static StateChangeRequest? First(VirtualMachine vm) => vm.Status?.StateChangeRequests is { Count: > 0 } requests ? requests[0] : null;

    public static bool HasStartRequest(VirtualMachine vm) => First(vm)?.Action == StateChangeRequestAction.Start;

    /// <summary>A Start with data paused=true: the VMI is created with startStrategy Paused.</summary>
    public static bool HasStartPausedRequest(VirtualMachine vm) =>
        First(vm) is { Action: StateChangeRequestAction.Start, Data: { } data }
        && data.TryGetValue(StateChangeRequestData.PausedKey, out var paused)
        && paused == StateChangeRequestData.PausedTrue;

    /// <summary>A Stop whose uid is exactly this VMI's uid.</summary>
    public static bool HasStopRequestFor(VirtualMachine vm, VirtualMachineInstance vmi) =>
        First(vm) is { Action: StateChangeRequestAction.Stop, Uid: { } uid } && uid == vmi.Metadata?.Uid;

    /// <summary>
    /// KubeVirt's isTrimFirstChangeRequestNeeded: a Stop is done when the VMI is gone, has another uid, or the request names
    /// no uid; a Start is done once a live VMI (not deleting, not final) exists.
    /// </summary>
    public static bool IsFirstDone(VirtualMachine vm, VirtualMachineInstance? vmi) => First(vm) switch
    {
        null => false,
        { Action: StateChangeRequestAction.Stop } stop => vmi is null || stop.Uid is null || stop.Uid != vmi.Metadata?.Uid,
        { Action: StateChangeRequestAction.Start } => vmi is not null && !vmi.IsDeleting() && !vmi.IsFinal(),
        _ => false,
    };
}
