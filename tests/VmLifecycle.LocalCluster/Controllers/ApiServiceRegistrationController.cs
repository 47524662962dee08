using k8s;
using k8s.Models;
using VmLifecycle.LocalCluster.Aggregation;
using VmLifecycle.LocalCluster.Resources;
using VmLifecycle.LocalCluster.Storage;

namespace VmLifecycle.LocalCluster.Controllers;

/// <summary>Tells the aggregation layer the stored APIServices at start and after every APIService change.</summary>
internal sealed class ApiServiceRegistrationController(ObjectStore store, IApiServiceProxy proxy) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var storageKey = BuiltInResources.ApiServices.StorageKey;
        using var queue = new StoreChangeQueue(store, change => change.Key.StorageKey == storageKey);
        while (await queue.WaitAsync(stoppingToken))
        {
            queue.Consume();
            proxy.SetApiServices(store.List(storageKey, null).Objects.Select(o => KubernetesJson.Deserialize<V1APIService>(o.ToJsonString())));
        }
    }
}
