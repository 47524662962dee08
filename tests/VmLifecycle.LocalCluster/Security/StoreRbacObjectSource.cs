using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using VmLifecycle.LocalCluster.Storage;

namespace VmLifecycle.LocalCluster.Security;

/// <summary>
/// The stored RBAC objects, decoded once and kept until one of them changes (kube-apiserver's RBAC authorizer reads
/// them from informer caches, not from etcd per request). The store raises its change event before the writing request
/// is answered, so a new binding is in force for the next request. Callers must not modify what they get.
/// </summary>
internal sealed class StoreRbacObjectSource : IRbacObjectSource, IDisposable
{
    private const string RbacGroup = "rbac.authorization.k8s.io";

    private readonly ObjectStore _store;
    private readonly ConcurrentDictionary<(string Resource, string? Namespace), Entry> _cache = new();
    private long _generation;

    public StoreRbacObjectSource(ObjectStore store)
    {
        _store = store;
        _store.Changed += OnChanged;
    }

    public IEnumerable<V1ClusterRole> ClusterRoles() => Read<V1ClusterRole>("clusterroles", null);

    public IEnumerable<V1ClusterRoleBinding> ClusterRoleBindings() => Read<V1ClusterRoleBinding>("clusterrolebindings", null);

    public IEnumerable<V1Role> Roles(string @namespace) => Read<V1Role>("roles", @namespace);

    public IEnumerable<V1RoleBinding> RoleBindings(string @namespace) => Read<V1RoleBinding>("rolebindings", @namespace);

    public void Dispose() => _store.Changed -= OnChanged;

    private void OnChanged(StoreEvent change)
    {
        if (change.Key.StorageKey.StartsWith(RbacGroup + "/", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _generation);
        }
    }

    private IReadOnlyList<T> Read<T>(string resource, string? @namespace)
    {
        // The generation is read before the store: a change committed meanwhile bumps it, so what was read then is
        // never served as current.
        var generation = Interlocked.Read(ref _generation);
        if (_cache.TryGetValue((resource, @namespace), out var cached) && cached.Generation == generation)
        {
            return (IReadOnlyList<T>)cached.Objects;
        }

        List<T> objects = [.. _store.List($"{RbacGroup}/{resource}", @namespace).Objects.Select(o => KubernetesJson.Deserialize<T>(o.ToJsonString()))];
        _cache[(resource, @namespace)] = new Entry(generation, objects);
        return objects;
    }

    private sealed record Entry(long Generation, object Objects);
}
