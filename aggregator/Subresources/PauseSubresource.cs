using VmLifecycle.Aggregator.Observability;
using VmLifecycle.Aggregator.Responses;
using VmLifecycle.Api.Subresources;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>PUT virtualmachineinstances/NAME/pause with <see cref="PauseOptions"/>: validated here, done by the node's handler.</summary>
internal sealed class PauseSubresource(VirtualMachineInstanceActionRunner runner) : ISubresource
{
    public SubresourceDescriptor Descriptor => SubresourceCatalog.Pause;

    public Task<SubresourceResult> ExecuteAsync(SubresourceRequest request, CancellationToken cancellationToken)
    {
        var invalid = RequestBodyDecoder.TryDecode<PauseOptions>(request.Body, out var options);
        var dryRun = false;
        invalid ??= DryRun.TryParse(options.DryRun, out dryRun);
        if (invalid is not null)
        {
            return Task.FromResult(SubresourceResult.Failed(invalid));
        }

        return runner.RunAsync(request, SubresourceNames.Pause, LifecycleEventMessages.PauseRequested, dryRun,
            (vmi, _) => Task.FromResult<StatusFailure?>(PauseRules.ValidatePause(vmi)), cancellationToken);
    }
}
