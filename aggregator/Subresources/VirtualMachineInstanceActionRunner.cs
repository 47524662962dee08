using VmLifecycle.Aggregator.Caching;
using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Aggregator.NodeHandlerClient;
using VmLifecycle.Aggregator.Observability;
using VmLifecycle.Aggregator.Responses;
using VmLifecycle.Api.VirtualMachineInstances;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>
/// The I/O around pause and unpause: read the VMI, validate, then (unless dry run) have the node's handler do it, queue
/// an Event naming the user and log the outcome. 200 with an empty body on success, as virt-api.
/// </summary>
/// <remarks>
/// The VMI comes from the watch cache when the cached copy passes validation; a missing or refused cached VMI is read
/// again live, so only the API server's current state can refuse a request (the cache may lag). The handler re-checks
/// against the domain before it acts.
/// </remarks>
internal sealed partial class VirtualMachineInstanceActionRunner(
    IVirtualMachineStore store,
    IWatchCache cache,
    NodeHandlerForwarder forwarder,
    LifecycleEventQueue events,
    ILogger<VirtualMachineInstanceActionRunner> logger)
{
    public async Task<SubresourceResult> RunAsync(
        SubresourceRequest request,
        string action,
        string eventReason,
        bool dryRun,
        Func<VirtualMachineInstance, CancellationToken, Task<StatusFailure?>> validate,
        CancellationToken cancellationToken)
    {
        var vmi = cache.GetVmi(request.Namespace, request.Name);
        var fromCache = vmi is not null;
        var refusal = vmi is null ? null : await validate(vmi, cancellationToken);
        if (vmi is null || refusal is not null)
        {
            fromCache = false;
            (vmi, refusal) = await ReadLiveAsync(request, validate, cancellationToken);
        }

        if (refusal is not null)
        {
            return Refused(request, action, refusal);
        }

        if (dryRun)
        {
            LogDryRun(logger, request.User.Name, action, request.Namespace, request.Name);
            return SubresourceResult.Ok;
        }

        var failure = await forwarder.ForwardAsync(vmi!, action, cancellationToken);
        if (failure is { Code: >= 400 and < 500 } && fromCache)
        {
            // The handler refused what a cached VMI allowed: the cache may lag, so answer as the live VMI does.
            var (live, liveRefusal) = await ReadLiveAsync(request, validate, cancellationToken);
            if (liveRefusal is not null)
            {
                return Refused(request, action, liveRefusal);
            }

            if (live!.Metadata.Uid != vmi!.Metadata.Uid || live.Status?.NodeName != vmi.Status?.NodeName)
            {
                vmi = live;
                failure = await forwarder.ForwardAsync(vmi, action, cancellationToken);
            }
        }

        if (failure is not null)
        {
            return Refused(request, action, failure);
        }

        cache.Superseded(vmi!);
        LogDone(logger, request.User.Name, action, request.Namespace, request.Name);
        events.Enqueue(new LifecycleEvent(request.Namespace, VirtualMachineInstance.KubeKind, request.Name, vmi!.Metadata.Uid, eventReason,
            LifecycleEventMessages.Requested(action, request.User.Name)));
        return SubresourceResult.Ok;
    }

    /// <returns>The live VMI and its refusal; no VMI with a refusal when it is missing or cannot be read.</returns>
    private async Task<(VirtualMachineInstance? Vmi, StatusFailure? Refusal)> ReadLiveAsync(
        SubresourceRequest request, Func<VirtualMachineInstance, CancellationToken, Task<StatusFailure?>> validate, CancellationToken cancellationToken)
    {
        try
        {
            var vmi = await store.GetVmiAsync(request.Namespace, request.Name, cancellationToken);
            return vmi is null
                ? (null, StatusFailure.NotFound(VirtualMachineInstance.KubeSingularName, request.Name))
                : (vmi, await validate(vmi, cancellationToken));
        }
        catch (KubernetesApiException e)
        {
            return (null, StatusFailure.Internal(e.Message));
        }
    }

    private SubresourceResult Refused(SubresourceRequest request, string action, StatusFailure failure)
    {
        LogRefused(logger, request.User.Name, action, request.Namespace, request.Name, failure.Code, failure.Message);
        return SubresourceResult.Failed(failure);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {User} requested {Action} of VirtualMachineInstance {Namespace}/{Name}: done")]
    private static partial void LogDone(ILogger logger, string user, string action, string @namespace, string name);

    // Per-request outcomes that change nothing are Debug; the metrics count them.
    [LoggerMessage(Level = LogLevel.Debug, Message = "User {User} requested {Action} of VirtualMachineInstance {Namespace}/{Name}: dry run, nothing changed")]
    private static partial void LogDryRun(ILogger logger, string user, string action, string @namespace, string name);

    [LoggerMessage(Level = LogLevel.Debug, Message = "User {User} requested {Action} of VirtualMachineInstance {Namespace}/{Name}: refused with {Code}: {Message}")]
    private static partial void LogRefused(ILogger logger, string user, string action, string @namespace, string name, int code, string message);
}
