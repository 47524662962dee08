using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Aggregator.NodeHandlerClient;
using VmLifecycle.Aggregator.Observability;
using VmLifecycle.Aggregator.Responses;
using VmLifecycle.Api.VirtualMachineInstances;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>
/// The I/O around pause and unpause: read the VMI, validate, then (unless dry run) have the node's handler do it, record
/// an Event naming the user and log the outcome. 200 with an empty body on success, as virt-api.
/// </summary>
internal sealed partial class VirtualMachineInstanceActionRunner(
    IVirtualMachineStore store,
    NodeHandlerForwarder forwarder,
    ILifecycleEventRecorder events,
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
        VirtualMachineInstance? vmi;
        StatusFailure? refusal;
        try
        {
            vmi = await store.GetVmiAsync(request.Namespace, request.Name, cancellationToken);
            if (vmi is null)
            {
                return Refused(request, action, StatusFailure.NotFound(VirtualMachineInstance.KubeSingularName, request.Name));
            }

            refusal = await validate(vmi, cancellationToken);
        }
        catch (KubernetesApiException e)
        {
            return Refused(request, action, StatusFailure.Internal(e.Message));
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

        if (await forwarder.ForwardAsync(vmi, action, cancellationToken) is { } failure)
        {
            return Refused(request, action, failure);
        }

        LogDone(logger, request.User.Name, action, request.Namespace, request.Name);
        await events.RecordAsync(
            new LifecycleEvent(request.Namespace, VirtualMachineInstance.KubeKind, request.Name, vmi.Metadata.Uid, eventReason,
                LifecycleEventMessages.Requested(action, request.User.Name)),
            cancellationToken);
        return SubresourceResult.Ok;
    }

    private SubresourceResult Refused(SubresourceRequest request, string action, StatusFailure failure)
    {
        LogRefused(logger, request.User.Name, action, request.Namespace, request.Name, failure.Code, failure.Message);
        return SubresourceResult.Failed(failure);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {User} requested {Action} of VirtualMachineInstance {Namespace}/{Name}: done")]
    private static partial void LogDone(ILogger logger, string user, string action, string @namespace, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {User} requested {Action} of VirtualMachineInstance {Namespace}/{Name}: dry run, nothing changed")]
    private static partial void LogDryRun(ILogger logger, string user, string action, string @namespace, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {User} requested {Action} of VirtualMachineInstance {Namespace}/{Name}: refused with {Code}: {Message}")]
    private static partial void LogRefused(ILogger logger, string user, string action, string @namespace, string name, int code, string message);
}
