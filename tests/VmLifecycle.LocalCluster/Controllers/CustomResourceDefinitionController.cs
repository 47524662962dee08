using VmLifecycle.LocalCluster.CustomResources;
using VmLifecycle.LocalCluster.Resources;
using VmLifecycle.LocalCluster.Storage;

namespace VmLifecycle.LocalCluster.Controllers;

/// <summary>
/// Serves the resources of stored CRDs (synchronously, so a CR can be created right after its CRD) and
/// removes a CRD's objects when the CRD is deleted.
/// </summary>
internal sealed partial class CustomResourceDefinitionController(ObjectStore store, ResourceRegistry registry, ILogger<CustomResourceDefinitionController> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        store.Changed += OnChanged;
        foreach (var crd in store.List(BuiltInResources.CustomResourceDefinitions.StorageKey, null).Objects)
        {
            Serve(crd);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        store.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    private void OnChanged(StoreEvent change)
    {
        if (change.Key.StorageKey != BuiltInResources.CustomResourceDefinitions.StorageKey)
        {
            return;
        }

        // Read the latest state rather than trusting the event: concurrent writers may deliver events out of order.
        if (store.Get(change.Key) is { } latest)
        {
            Serve(latest);
            return;
        }

        var definitions = CrdResourceDefinitions.From(change.Object);
        registry.Unregister(change.Key.Name);
        foreach (var storageKey in definitions.Select(d => d.StorageKey).Distinct())
        {
            var removed = 0;
            foreach (var obj in store.List(storageKey, null).Objects)
            {
                store.Mutate(new ObjectKey(storageKey, ObjectMeta.Namespace(obj), ObjectMeta.Name(obj)), _ => StoreMutation.Delete, dryRun: false);
                removed++;
            }

            LogCrdRemoved(change.Key.Name, removed);
        }
    }

    private void Serve(System.Text.Json.Nodes.JsonObject crd)
    {
        var definitions = CrdResourceDefinitions.From(crd);
        var name = ObjectMeta.Name(crd);
        var versions = string.Join(",", definitions.Select(d => d.Version));
        registry.Register(name, definitions);
        LogCrdServed(name, versions);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving {Crd} at versions {Versions}")]
    private partial void LogCrdServed(string crd, string versions);

    [LoggerMessage(Level = LogLevel.Information, Message = "CRD {Crd} deleted with its {Count} objects")]
    private partial void LogCrdRemoved(string crd, int count);
}
