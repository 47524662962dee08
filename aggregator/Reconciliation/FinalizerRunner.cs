using System.Reflection;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace VmLifecycle.Aggregator.Reconciliation;

/// <summary>
/// Adds the registered finalizers to live objects and, once an object is being deleted, runs each present finalizer and
/// removes its name. The patch that removes a finalizer is not cancelled (no object left half-finalized at shutdown), and it
/// tests the list it replaces, so a concurrent change is retried rather than lost.
/// </summary>
internal sealed class FinalizerRunner<TEntity>(IKubernetes kubernetes, IEnumerable<IEntityFinalizer<TEntity>> finalizers)
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    private static readonly KubernetesEntityAttribute Entity = typeof(TEntity).GetCustomAttribute<KubernetesEntityAttribute>()
        ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no [KubernetesEntity] attribute.");

    /// <summary>Returns true when the object is being deleted (the controller should then do nothing else).</summary>
    public async Task<bool> HandleAsync(TEntity entity, CancellationToken cancellationToken)
    {
        var present = entity.Metadata?.Finalizers?.ToList() ?? [];
        if (entity.Metadata?.DeletionTimestamp is null)
        {
            var missing = finalizers.Select(f => f.Name).Where(name => !present.Contains(name)).ToList();
            if (missing.Count > 0)
            {
                await ReplaceAsync(entity, present, [.. present, .. missing], cancellationToken);
            }

            return false;
        }

        foreach (var finalizer in finalizers.Where(f => present.Contains(f.Name)))
        {
            await finalizer.FinalizeAsync(entity, cancellationToken);
            var remaining = present.Where(name => name != finalizer.Name).ToList();
            await ReplaceAsync(entity, present, remaining, CancellationToken.None);
            present = remaining;
        }

        return true;
    }

    private async Task ReplaceAsync(TEntity entity, List<string> current, List<string> next, CancellationToken cancellationToken)
    {
        var patch = new JsonArray
        {
            current.Count == 0
                ? new JsonObject { ["op"] = "test", ["path"] = "/metadata/resourceVersion", ["value"] = entity.Metadata.ResourceVersion }
                : new JsonObject { ["op"] = "test", ["path"] = "/metadata/finalizers", ["value"] = new JsonArray([.. current.Select(n => (JsonNode)n)]) },
            new JsonObject { ["op"] = "add", ["path"] = "/metadata/finalizers", ["value"] = new JsonArray([.. next.Select(n => (JsonNode)n)]) },
        };
        var body = new V1Patch(patch.ToJsonString(), V1Patch.PatchType.JsonPatch);
        if (entity.Metadata.NamespaceProperty is { } ns)
        {
            await kubernetes.CustomObjects.PatchNamespacedCustomObjectAsync(body, Entity.Group, Entity.ApiVersion, ns, Entity.PluralName, entity.Metadata.Name, cancellationToken: cancellationToken);
        }
        else
        {
            await kubernetes.CustomObjects.PatchClusterCustomObjectAsync(body, Entity.Group, Entity.ApiVersion, Entity.PluralName, entity.Metadata.Name, cancellationToken: cancellationToken);
        }
    }
}
