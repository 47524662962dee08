using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Resources;
using VmLifecycle.LocalCluster.Storage;

namespace VmLifecycle.LocalCluster.Controllers;

/// <summary>
/// kube-controller-manager's garbage collector: deletes objects whose owners (by ownerReferences uid) are all gone,
/// drops references to vanished owners otherwise, and completes foreground deletion once no dependents remain.
/// </summary>
internal sealed partial class GarbageCollector(ObjectStore store, ResourceRegistry registry, ResourceDeleter deleter, ILogger<GarbageCollector> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var queue = new StoreChangeQueue(store, IsRelevant);
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

    /// <summary>Only deletions, objects with owners and foreground deletions can make garbage; other changes skip the sweep.</summary>
    private static bool IsRelevant(StoreEvent change) =>
        change.Type == WatchEventType.Deleted
        || ObjectMeta.OwnerReferences(change.Object).Count > 0
        || (change.Previous is { } previous && ObjectMeta.OwnerReferences(previous).Count > 0)
        || ObjectMeta.Finalizers(change.Object).Contains(FinalizerRules.ForegroundDeletion);

    internal void Sweep()
    {
        var snapshot = store.Snapshot();
        var uids = snapshot.Select(s => ObjectMeta.Uid(s.Object)).ToHashSet();
        foreach (var (key, obj) in snapshot)
        {
            var owners = ObjectMeta.OwnerReferences(obj).Select(r => r["uid"]?.GetValue<string>() ?? "").ToList();
            if (owners.Count == 0 || owners.All(uids.Contains))
            {
                continue;
            }

            if (owners.All(uid => !uids.Contains(uid)))
            {
                if (!ObjectMeta.IsDeleting(obj))
                {
                    Delete(key, PropagationPolicy.Background);
                }

                continue;
            }

            store.Mutate(key, current =>
            {
                foreach (var missing in owners.Where(uid => !uids.Contains(uid)))
                {
                    OwnerReferences.Remove(current, missing);
                }

                return StoreMutation.Write(current);
            }, dryRun: false);
        }

        foreach (var (key, obj) in snapshot.Where(s => ObjectMeta.IsDeleting(s.Object) && ObjectMeta.Finalizers(s.Object).Contains(FinalizerRules.ForegroundDeletion)))
        {
            var uid = ObjectMeta.Uid(obj);
            var dependents = snapshot.Where(s => ObjectMeta.OwnerReferences(s.Object).Any(r => r["uid"]?.GetValue<string>() == uid)).ToList();
            foreach (var (dependentKey, dependent) in dependents.Where(d => !ObjectMeta.IsDeleting(d.Object)))
            {
                Delete(dependentKey, PropagationPolicy.Foreground);
            }

            if (dependents.Count == 0)
            {
                store.Mutate(key, current =>
                {
                    ObjectMeta.SetFinalizers(current, [.. ObjectMeta.Finalizers(current).Where(f => f != FinalizerRules.ForegroundDeletion)]);
                    return ObjectMeta.Finalizers(current).Count == 0 ? StoreMutation.Delete : StoreMutation.Write(current);
                }, dryRun: false);
            }
        }
    }

    private void Delete(ObjectKey key, PropagationPolicy policy)
    {
        var definition = registry.All().FirstOrDefault(d => d.StorageKey == key.StorageKey);
        if (definition is null)
        {
            return;
        }

        try
        {
            deleter.Delete(definition, key.Namespace, key.Name, DeletionOptions.Default with { Propagation = policy });
            LogCollected(definition.QualifiedResource, key.Namespace, key.Name);
        }
        catch (StatusException exception) when (exception.Code == 404)
        {
            // Already gone.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Garbage collected {Resource} {Namespace}/{Name}")]
    private partial void LogCollected(string resource, string @namespace, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Garbage collection sweep failed: {Reason}")]
    private partial void LogSweepFailed(string reason);
}
