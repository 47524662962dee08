using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Aggregator.Responses;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>
/// Applies the patches of a <see cref="LifecycleDecision"/> in order. When one fails, the rollbacks of the patches
/// already applied run in reverse (best effort) and the failure is answered as <see cref="PatchFailures"/> maps it.
/// </summary>
internal sealed partial class LifecyclePatchApplier(IVirtualMachineStore store, ILogger<LifecyclePatchApplier> logger)
{
    public async Task<StatusFailure?> ApplyAsync(string @namespace, string name, IReadOnlyList<PlannedPatch> patches, CancellationToken cancellationToken)
    {
        var applied = new List<PlannedPatch>();
        foreach (var planned in patches)
        {
            try
            {
                await PatchAsync(@namespace, name, planned.Target, planned.Patch, cancellationToken);
                applied.Add(planned);
            }
            catch (KubernetesApiException e)
            {
                await RollBackAsync(@namespace, name, applied, cancellationToken);
                return PatchFailures.Map(e, VirtualMachine.KubeSingularName, name);
            }
        }

        return null;
    }

    private async Task RollBackAsync(string @namespace, string name, List<PlannedPatch> applied, CancellationToken cancellationToken)
    {
        for (var index = applied.Count - 1; index >= 0; index--)
        {
            if (applied[index].Rollback is not { } rollback)
            {
                continue;
            }

            try
            {
                await PatchAsync(@namespace, name, applied[index].Target, rollback, CancellationToken.None);
            }
            catch (KubernetesApiException e)
            {
                LogRollbackFailed(logger, e, applied[index].Target, @namespace, name);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private Task PatchAsync(string @namespace, string name, PatchTarget target, JsonPatch patch, CancellationToken cancellationToken) => target switch
    {
        PatchTarget.Vm => store.PatchVmAsync(@namespace, name, patch, cancellationToken),
        PatchTarget.VmStatus => store.PatchVmStatusAsync(@namespace, name, patch, cancellationToken),
        _ => store.PatchVmiAsync(@namespace, name, patch, cancellationToken),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not roll back the {Target} patch of {Namespace}/{Name}")]
    private static partial void LogRollbackFailed(ILogger logger, Exception exception, PatchTarget target, string @namespace, string name);
}
