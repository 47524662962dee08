using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Resources;
using VmLifecycle.LocalCluster.Storage;

namespace VmLifecycle.LocalCluster.Controllers;

/// <summary>Empties terminating namespaces and removes them (their <c>kubernetes</c> finalizer) once nothing is left in them.</summary>
internal sealed partial class NamespaceController(ObjectStore store, ResourceRegistry registry, ResourceDeleter deleter, ILogger<NamespaceController> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var queue = new StoreChangeQueue(store, change =>
            change.Type == WatchEventType.Deleted || ObjectMeta.IsDeleting(change.Object) || change.Key.StorageKey == BuiltInResources.Namespaces.StorageKey);
        while (await queue.WaitAsync(stoppingToken))
        {
            queue.Consume();
            try
            {
                Sweep();
            }
            catch (StatusException exception)
            {
                LogSweepFailed(exception.Message);
            }
        }
    }

    internal void Sweep()
    {
        var terminating = store.List(BuiltInResources.Namespaces.StorageKey, null).Objects.Where(ObjectMeta.IsDeleting).ToList();
        if (terminating.Count == 0)
        {
            return;
        }

        var snapshot = store.Snapshot();
        foreach (var ns in terminating)
        {
            var name = ObjectMeta.Name(ns);
            var contents = snapshot.Where(s => s.Key.Namespace == name && s.Key.StorageKey != BuiltInResources.Namespaces.StorageKey).ToList();
            foreach (var (key, obj) in contents.Where(c => !ObjectMeta.IsDeleting(c.Object)))
            {
                if (registry.All().FirstOrDefault(d => d.StorageKey == key.StorageKey) is { } definition)
                {
                    try
                    {
                        deleter.Delete(definition, key.Namespace, key.Name, DeletionOptions.Default);
                    }
                    catch (StatusException exception) when (exception.Code == 404)
                    {
                        // Already gone.
                    }
                }
            }

            if (contents.Count == 0)
            {
                store.Mutate(new ObjectKey(BuiltInResources.Namespaces.StorageKey, "", name), current =>
                {
                    if (current["spec"] is JsonObject spec)
                    {
                        spec["finalizers"] = new JsonArray();
                    }

                    return FinalizerRules.HasPendingFinalizers(BuiltInResources.Namespaces, current) ? StoreMutation.Write(current) : StoreMutation.Delete;
                }, dryRun: false);
                LogNamespaceRemoved(name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Namespace {Namespace} is empty and removed")]
    private partial void LogNamespaceRemoved(string @namespace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Namespace sweep failed: {Reason}")]
    private partial void LogSweepFailed(string reason);
}
