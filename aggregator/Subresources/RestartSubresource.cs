using VmLifecycle.Api.Subresources;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>PUT virtualmachines/NAME/restart with <see cref="RestartOptions"/> (gracePeriodSeconds 0 = force restart): 202.</summary>
internal sealed class RestartSubresource(VirtualMachineActionRunner runner) : ISubresource
{
    public SubresourceDescriptor Descriptor => SubresourceCatalog.Restart;

    public Task<SubresourceResult> ExecuteAsync(SubresourceRequest request, CancellationToken cancellationToken)
    {
        var invalid = RequestBodyDecoder.TryDecode<RestartOptions>(request.Body, out var options);
        var dryRun = false;
        invalid ??= DryRun.TryParse(options.DryRun, out dryRun);
        invalid ??= RestartRules.ValidateOptions(options);
        if (invalid is not null)
        {
            return Task.FromResult(SubresourceResult.Failed(invalid));
        }

        return runner.RunAsync(request, SubresourceNames.Restart, dryRun, (vm, vmi) => RestartRules.Decide(vm, vmi, options), cancellationToken);
    }
}
