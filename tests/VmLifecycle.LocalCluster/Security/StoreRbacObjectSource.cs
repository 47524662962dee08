using k8s;
using k8s.Models;
using VmLifecycle.LocalCluster.Storage;

namespace VmLifecycle.LocalCluster.Security;

/// <summary>The RBAC objects of the store, decoded into the KubernetesClient models for the authorizer.</summary>
internal sealed class StoreRbacObjectSource(ObjectStore store) : IRbacObjectSource
{
    private const string RbacGroup = "rbac.authorization.k8s.io";

    public IEnumerable<V1ClusterRole> ClusterRoles() => Read<V1ClusterRole>("clusterroles", null);

    public IEnumerable<V1ClusterRoleBinding> ClusterRoleBindings() => Read<V1ClusterRoleBinding>("clusterrolebindings", null);

    public IEnumerable<V1Role> Roles(string @namespace) => Read<V1Role>("roles", @namespace);

    public IEnumerable<V1RoleBinding> RoleBindings(string @namespace) => Read<V1RoleBinding>("rolebindings", @namespace);

    private IEnumerable<T> Read<T>(string resource, string? @namespace) =>
        store.List($"{RbacGroup}/{resource}", @namespace).Objects.Select(o => KubernetesJson.Deserialize<T>(o.ToJsonString()));
}
