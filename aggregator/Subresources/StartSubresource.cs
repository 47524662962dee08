using VmLifecycle.Api.Subresources;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>PUT virtualmachines/NAME/start with <see cref="StartOptions"/>: 202 once the start is queued.</summary>
internal sealed class StartSubresource(VirtualMachineActionRunner runner) : ISubresource
{
    public SubresourceDescriptor Descriptor => SubresourceCatalog.Start;

    public Task<SubresourceResult> ExecuteAsync(SubresourceRequest request, CancellationToken cancellationToken)
    {
        var invalid = RequestBodyDecoder.TryDecode<StartOptions>(request.Body, out var options);
        var dryRun = false;
        invalid ??= DryRun.TryParse(options.DryRun, out dryRun);
        if (invalid is not null)
        {
            return Task.FromResult(SubresourceResult.Failed(invalid));
        }

        return runner.RunAsync(request, SubresourceNames.Start, dryRun, (vm, vmi) => StartRules.Decide(vm, vmi, options), cancellationToken);
    }
}
