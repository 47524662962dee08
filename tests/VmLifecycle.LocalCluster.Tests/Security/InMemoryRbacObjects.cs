using k8s.Models;
using VmLifecycle.LocalCluster.Security;

namespace VmLifecycle.LocalCluster.Tests.Security;

/// <summary>RBAC objects held in lists, standing in for the store.</summary>
internal sealed class InMemoryRbacObjects : IRbacObjectSource
{
    public List<V1ClusterRole> ClusterRoleList { get; } = [];

    public List<V1ClusterRoleBinding> ClusterRoleBindingList { get; } = [];

    public List<V1Role> RoleList { get; } = [];

    public List<V1RoleBinding> RoleBindingList { get; } = [];

    public IEnumerable<V1ClusterRole> ClusterRoles() => ClusterRoleList;

    public IEnumerable<V1ClusterRoleBinding> ClusterRoleBindings() => ClusterRoleBindingList;

    public IEnumerable<V1Role> Roles(string @namespace) => RoleList.Where(r => r.Metadata.NamespaceProperty == @namespace);

    public IEnumerable<V1RoleBinding> RoleBindings(string @namespace) => RoleBindingList.Where(r => r.Metadata.NamespaceProperty == @namespace);

    public InMemoryRbacObjects ClusterRole(string name, params V1PolicyRule[] rules)
    {
        ClusterRoleList.Add(new V1ClusterRole { Metadata = new V1ObjectMeta { Name = name }, Rules = rules });
        return this;
    }

    public InMemoryRbacObjects Role(string @namespace, string name, params V1PolicyRule[] rules)
    {
        RoleList.Add(new V1Role { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace }, Rules = rules });
        return this;
    }

    public InMemoryRbacObjects ClusterRoleBinding(string name, string clusterRole, params Rbacv1Subject[] subjects)
    {
        ClusterRoleBindingList.Add(new V1ClusterRoleBinding
        {
            Metadata = new V1ObjectMeta { Name = name },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = clusterRole },
            Subjects = subjects,
        });
        return this;
    }

    public InMemoryRbacObjects RoleBinding(string @namespace, string name, string roleKind, string role, params Rbacv1Subject[] subjects)
    {
        RoleBindingList.Add(new V1RoleBinding
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = roleKind, Name = role },
            Subjects = subjects,
        });
        return this;
    }

    public static Rbacv1Subject User(string name) => new() { Kind = "User", ApiGroup = "rbac.authorization.k8s.io", Name = name };

    public static Rbacv1Subject Group(string name) => new() { Kind = "Group", ApiGroup = "rbac.authorization.k8s.io", Name = name };

    public static Rbacv1Subject ServiceAccount(string name, string? @namespace = null) =>
        new() { Kind = "ServiceAccount", Name = name, NamespaceProperty = @namespace };

    public static V1PolicyRule Rule(string[] verbs, string[] groups, string[] resources, string[]? names = null) =>
        new() { Verbs = verbs, ApiGroups = groups, Resources = resources, ResourceNames = names };

    public static V1PolicyRule UrlRule(string[] verbs, string[] urls) => new() { Verbs = verbs, NonResourceURLs = urls };
}
