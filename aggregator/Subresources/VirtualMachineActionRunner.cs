using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Aggregator.Observability;
using VmLifecycle.Aggregator.Responses;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>
/// The I/O around start, stop and restart: read the VM and its VMI, let the rules decide, apply the patches (unless dry
/// run), record an Event naming the user, and log the outcome.
/// </summary>
internal sealed partial class VirtualMachineActionRunner(
    IVirtualMachineStore store,
    LifecyclePatchApplier applier,
    ILifecycleEventRecorder events,
    ILogger<VirtualMachineActionRunner> logger)
{
    public async Task<SubresourceResult> RunAsync(
        SubresourceRequest request,
        string action,
        bool dryRun,
        Func<VirtualMachine, VirtualMachineInstance?, LifecycleDecision> decide,
        CancellationToken cancellationToken)
    {
        VirtualMachine? vm;
        VirtualMachineInstance? vmi;
        try
        {
            vm = await store.GetVmAsync(request.Namespace, request.Name, cancellationToken);
            if (vm is null)
            {
                return Refused(request, action, StatusFailure.NotFound(VirtualMachine.KubeSingularName, request.Name));
            }

            vmi = await store.GetVmiAsync(request.Namespace, request.Name, cancellationToken);
        }
        catch (KubernetesApiException e)
        {
            return Refused(request, action, StatusFailure.Internal(e.Message));
        }

        var decision = decide(vm, vmi);
        if (decision.Failure is { } refusal)
        {
            return Refused(request, action, refusal);
        }

        if (dryRun)
        {
            LogDryRun(logger, request.User.Name, action, request.Namespace, request.Name);
            return SubresourceResult.Accepted;
        }

        if (await applier.ApplyAsync(request.Namespace, request.Name, decision.Patches, cancellationToken) is { } failure)
        {
            return Refused(request, action, failure);
        }

        LogAccepted(logger, request.User.Name, action, request.Namespace, request.Name);
        await events.RecordAsync(
            new LifecycleEvent(request.Namespace, VirtualMachine.KubeKind, request.Name, vm.Metadata.Uid, decision.EventReason,
                LifecycleEventMessages.Requested(action, request.User.Name)),
            cancellationToken);
        return SubresourceResult.Accepted;
    }

    private SubresourceResult Refused(SubresourceRequest request, string action, StatusFailure failure)
    {
        LogRefused(logger, request.User.Name, action, request.Namespace, request.Name, failure.Code, failure.Message);
        return SubresourceResult.Failed(failure);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {User} requested {Action} of VirtualMachine {Namespace}/{Name}: accepted")]
    private static partial void LogAccepted(ILogger logger, string user, string action, string @namespace, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {User} requested {Action} of VirtualMachine {Namespace}/{Name}: dry run, nothing changed")]
    private static partial void LogDryRun(ILogger logger, string user, string action, string @namespace, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {User} requested {Action} of VirtualMachine {Namespace}/{Name}: refused with {Code}: {Message}")]
    private static partial void LogRefused(ILogger logger, string user, string action, string @namespace, string name, int code, string message);
}
