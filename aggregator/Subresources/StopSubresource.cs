using VmLifecycle.Api.Subresources;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>PUT virtualmachines/NAME/stop with <see cref="StopOptions"/> (gracePeriod 0 = force stop): 202.</summary>
internal sealed class StopSubresource(VirtualMachineActionRunner runner) : ISubresource
{
    public SubresourceDescriptor Descriptor => SubresourceCatalog.Stop;

    public Task<SubresourceResult> ExecuteAsync(SubresourceRequest request, CancellationToken cancellationToken)
    {
        var invalid = RequestBodyDecoder.TryDecode<StopOptions>(request.Body, out var options);
        var dryRun = false;
        invalid ??= DryRun.TryParse(options.DryRun, out dryRun);
        if (invalid is not null)
        {
            return Task.FromResult(SubresourceResult.Failed(invalid));
        }

        return runner.RunAsync(request, SubresourceNames.Stop, dryRun, (vm, vmi) => StopRules.Decide(vm, vmi, options), cancellationToken);
    }
}
