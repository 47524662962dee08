using k8s;
using k8s.Models;

namespace VmLifecycle.Aggregator.Reconciliation;

/// <summary>Identifies an object in the caches and the work queue: its namespace (null for cluster-scoped kinds) and name.</summary>
internal readonly record struct EntityKey(string? Namespace, string Name)
{
    public static EntityKey Of(IKubernetesObject<V1ObjectMeta> entity) => new(entity.Metadata?.NamespaceProperty, entity.Metadata?.Name ?? "");

    public override string ToString() => Namespace is null ? Name : $"{Namespace}/{Name}";
}
