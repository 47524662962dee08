using VmLifecycle.Aggregator.Caching;
using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Aggregator.Observability;
using VmLifecycle.Aggregator.Responses;
using VmLifecycle.Api.Subresources;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>
/// PUT virtualmachineinstances/NAME/unpause with <see cref="UnpauseOptions"/>: the VM of the same name is checked for a
/// snapshot in progress first (as virt-api does), then the VMI is validated, and the node's handler resumes it.
/// </summary>
/// <remarks>
/// The VM check passes for a VM without a snapshot in progress and for a missing VM, so a synced watch cache that shows
/// either lets the request go ahead; a cached snapshot in progress is confirmed live before it refuses.
/// </remarks>
internal sealed class UnpauseSubresource(VirtualMachineInstanceActionRunner runner, IVirtualMachineStore store, IWatchCache cache) : ISubresource
{
    public SubresourceDescriptor Descriptor => SubresourceCatalog.Unpause;

    public async Task<SubresourceResult> ExecuteAsync(SubresourceRequest request, CancellationToken cancellationToken)
    {
        var invalid = RequestBodyDecoder.TryDecode<UnpauseOptions>(request.Body, out var options);
        var dryRun = false;
        invalid ??= DryRun.TryParse(options.DryRun, out dryRun);
        try
        {
            invalid ??= await ValidateVmAsync(request, cancellationToken);
        }
        catch (KubernetesApiException e)
        {
            invalid = StatusFailure.Internal(e.Message);
        }

        if (invalid is not null)
        {
            return SubresourceResult.Failed(invalid);
        }

        return await runner.RunAsync(request, SubresourceNames.Unpause, LifecycleEventMessages.UnpauseRequested, dryRun,
            (vmi, _) => Task.FromResult(PauseRules.ValidateUnpause(vmi)), cancellationToken);
    }

    private async Task<StatusFailure?> ValidateVmAsync(SubresourceRequest request, CancellationToken cancellationToken)
    {
        if (cache.TryGetVm(request.Namespace, request.Name, out var cached) && PauseRules.ValidateUnpauseOfVm(cached) is null)
        {
            return null;
        }

        return PauseRules.ValidateUnpauseOfVm(await store.GetVmAsync(request.Namespace, request.Name, cancellationToken));
    }
}
