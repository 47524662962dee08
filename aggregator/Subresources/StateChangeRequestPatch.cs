using System.Text.Json.Nodes;
using k8s;
using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Aggregator.Responses;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>
/// The status patch that queues state change requests, exactly as virt-api's getChangeRequestJson: on an empty status
/// it adds /status; otherwise it tests /status/stateChangeRequests against what was read (so a concurrent change fails
/// the patch), then adds, or, for a lone Stop, replaces the list, and removes /status/startFailure when set. Queuing
/// anything but a lone Stop while requests are pending is refused (500 "stop/start already underway").
/// </summary>
internal static class StateChangeRequestPatch
{
    public static StatusFailure? TryBuild(VirtualMachine vm, IReadOnlyList<StateChangeRequest> changes, out JsonPatch patch)
    {
        patch = new JsonPatch();
        if (IsEmpty(vm.Status))
        {
            patch.Add("/status", new JsonObject { ["stateChangeRequests"] = JsonPatch.Value(changes) });
            return null;
        }

        var existing = vm.Status!.StateChangeRequests;
        var loneStop = changes.Count == 1 && changes[0].Action == StateChangeRequestAction.Stop;
        var verb = "add";
        if (existing is { Count: > 0 })
        {
            if (!loneStop)
            {
                return StatusFailure.Internal(KubeVirtMessages.StopStartAlreadyUnderway);
            }

            verb = "replace";
        }

        patch.Test("/status/stateChangeRequests", JsonPatch.Value(existing));
        if (verb == "replace")
        {
            patch.Replace("/status/stateChangeRequests", JsonPatch.Value(changes));
        }
        else
        {
            patch.Add("/status/stateChangeRequests", JsonPatch.Value(changes));
        }

        if (vm.Status.StartFailure is not null)
        {
            patch.Remove("/status/startFailure");
        }

        return null;
    }

    public static StateChangeRequest Start(bool paused) => new()
    {
        Action = StateChangeRequestAction.Start,
        Data = paused ? new Dictionary<string, string> { [StateChangeRequestData.PausedKey] = StateChangeRequestData.PausedTrue } : null,
    };

    public static StateChangeRequest Stop(string? vmiUid) => new() { Action = StateChangeRequestAction.Stop, Uid = vmiUid };

    private static bool IsEmpty(VirtualMachineStatus? status) => status is null || KubernetesJson.Serialize(status) == "{}";
}
