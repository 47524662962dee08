using k8s.Models;

namespace VmLifecycle.LocalCluster.Security;

/// <summary>The RBAC objects currently stored in the cluster, read by the authorizer on every decision.</summary>
internal interface IRbacObjectSource
{
    IEnumerable<V1ClusterRole> ClusterRoles();

    IEnumerable<V1ClusterRoleBinding> ClusterRoleBindings();

    IEnumerable<V1Role> Roles(string @namespace);

    IEnumerable<V1RoleBinding> RoleBindings(string @namespace);
}
