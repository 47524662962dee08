using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VmLifecycle.Aggregator.Caching;
using VmLifecycle.Aggregator.Tests.TestSupport;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Tests.Caching;

/// <summary>The watch cache against the local cluster: on every replica, controllers or not, and part of /readyz.</summary>
public sealed class InformerWatchCacheTests
{
    [Fact]
    public async Task A_replica_without_controllers_keeps_the_cache_and_is_ready_once_it_has_listed()
    {
        await using var environment = await ControllerEnvironment.StartAsync(1, "--Controllers:Enabled=false");
        var replica = environment.Aggregator;
        var cache = replica.Services.GetRequiredService<IWatchCache>();
        using var client = replica.Client();

        await Eventually.UntilAsync(async () =>
        {
            using var response = await client.GetAsync("/readyz", TestContext.Current.CancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }, "/readyz");
        Assert.True(cache.IsSynced);
        Assert.IsType<InformerWatchCache>(cache);

        await environment.Driver.CreateVmAsync("cached", RunStrategy.Halted);
        await Eventually.UntilAsync(() => cache.TryGetVm(ClusterDriver.Namespace, "cached", out var vm) && vm is not null, "the VM in the cache");
    }
}
