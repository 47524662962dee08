using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Aggregator.Observability;
using VmLifecycle.Aggregator.Responses;
using VmLifecycle.Api.Subresources;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>
/// PUT virtualmachines/NAME/rename with <see cref="RenameOptions"/>: all or nothing. The VM is created under its new
/// name, then the old one is deleted with a uid and resourceVersion precondition, so that a change made meanwhile
/// aborts the rename; when that delete fails the new VM is deleted again. 202 on success.
/// </summary>
internal sealed partial class RenameSubresource(IVirtualMachineStore store, ILifecycleEventRecorder events, ILogger<RenameSubresource> logger)
    : ISubresource
{
    public SubresourceDescriptor Descriptor => SubresourceCatalog.Rename;

    public async Task<SubresourceResult> ExecuteAsync(SubresourceRequest request, CancellationToken cancellationToken)
    {
        var invalid = RequestBodyDecoder.TryDecode<RenameOptions>(request.Body, out var options);
        var dryRun = false;
        invalid ??= DryRun.TryParse(options.DryRun, out dryRun);
        invalid ??= RenameRules.ValidateOptions(request.Name, options);
        if (invalid is not null)
        {
            return Refused(request, invalid);
        }

        try
        {
            var vm = await store.GetVmAsync(request.Namespace, request.Name, cancellationToken);
            if (vm is null)
            {
                return Refused(request, StatusFailure.NotFound(VirtualMachine.KubeSingularName, request.Name));
            }

            var vmi = await store.GetVmiAsync(request.Namespace, request.Name, cancellationToken);
            var target = await store.GetVmAsync(request.Namespace, options.NewName, cancellationToken);
            if (RenameRules.ValidateState(vm, vmi, target) is { } refusal)
            {
                return Refused(request, refusal);
            }

            if (dryRun)
            {
                return SubresourceResult.Accepted;
            }

            return await RenameAsync(request, vm, options.NewName, cancellationToken);
        }
        catch (KubernetesApiException e)
        {
            return Refused(request, StatusFailure.Internal(e.Message));
        }
    }

    private async Task<SubresourceResult> RenameAsync(SubresourceRequest request, VirtualMachine vm, string newName, CancellationToken cancellationToken)
    {
        VirtualMachine created;
        try
        {
            created = await store.CreateVmAsync(RenameRules.Renamed(vm, newName), cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsConflict)
        {
            return Refused(request, RenameRules.TargetExists(request.Name));
        }

        try
        {
            await store.DeleteVmAsync(request.Namespace, request.Name, new DeletePreconditions(vm.Metadata.Uid, vm.Metadata.ResourceVersion), cancellationToken);
        }
        catch (KubernetesApiException e)
        {
            await RollBackAsync(request.Namespace, created);
            return Refused(request, e.Code switch
            {
                404 => StatusFailure.NotFound(VirtualMachine.KubeSingularName, request.Name),
                409 => StatusFailure.Conflict(VirtualMachine.KubeSingularName, request.Name, e.Message),
                _ => StatusFailure.Internal(e.Message),
            });
        }

        LogRenamed(logger, request.User.Name, request.Namespace, request.Name, newName);
        await events.RecordAsync(
            new LifecycleEvent(request.Namespace, VirtualMachine.KubeKind, newName, created.Metadata.Uid, LifecycleEventMessages.Renamed,
                LifecycleEventMessages.RenamedFrom(request.Name, newName, request.User.Name)),
            cancellationToken);
        return SubresourceResult.Accepted;
    }

    private async Task RollBackAsync(string @namespace, VirtualMachine created)
    {
        try
        {
            // Not cancellable: a half-done rename must not be left behind because the client went away.
            await store.DeleteVmAsync(@namespace, created.Metadata.Name, new DeletePreconditions(created.Metadata.Uid, null), CancellationToken.None);
        }
        catch (KubernetesApiException e)
        {
            LogRollbackFailed(logger, e, @namespace, created.Metadata.Name);
        }
    }

    private SubresourceResult Refused(SubresourceRequest request, StatusFailure failure)
    {
        LogRefused(logger, request.User.Name, request.Namespace, request.Name, failure.Code, failure.Message);
        return SubresourceResult.Failed(failure);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {User} renamed VirtualMachine {Namespace}/{Name} to {NewName}")]
    private static partial void LogRenamed(ILogger logger, string user, string @namespace, string name, string newName);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {User} requested rename of VirtualMachine {Namespace}/{Name}: refused with {Code}: {Message}")]
    private static partial void LogRefused(ILogger logger, string user, string @namespace, string name, int code, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rename rollback failed: VirtualMachine {Namespace}/{Name} was created but could not be deleted again")]
    private static partial void LogRollbackFailed(ILogger logger, Exception exception, string @namespace, string name);
}
