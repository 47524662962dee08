using k8s.Models;

namespace VmLifecycle.LocalCluster.Security.Authorization;

/// <summary>
/// The RBAC objects kube-apiserver creates at first start (plugin/pkg/auth/authorizer/rbac/bootstrappolicy), for the
/// store to write when it is empty. The aggregated admin/edit/view roles come without rules; run
/// <see cref="ClusterRoleAggregation.Aggregate"/> over all ClusterRoles after storing them, as the controller would.
/// </summary>
internal sealed record BootstrapPolicy(
    IReadOnlyList<V1ClusterRole> ClusterRoles,
    IReadOnlyList<V1ClusterRoleBinding> ClusterRoleBindings,
    IReadOnlyList<V1Role> Roles,
    IReadOnlyList<V1RoleBinding> RoleBindings)
{
    public const string KubeSystemNamespace = "kube-system";
    public const string AuthenticationReaderRole = "extension-apiserver-authentication-reader";

    public static BootstrapPolicy Create() => new(
        BootstrapClusterRoles.All(),
        [
            ClusterRoleBinding("cluster-admin", Group(UserInfo.MastersGroup)),
            ClusterRoleBinding("system:discovery", Group(UserInfo.AuthenticatedGroup)),
            ClusterRoleBinding("system:basic-user", Group(UserInfo.AuthenticatedGroup)),
            ClusterRoleBinding("system:public-info-viewer", Group(UserInfo.AuthenticatedGroup), Group(UserInfo.UnauthenticatedGroup)),
        ],
        [
            new V1Role
            {
                ApiVersion = "rbac.authorization.k8s.io/v1",
                Kind = "Role",
                Metadata = BootstrapClusterRoles.Metadata(AuthenticationReaderRole, KubeSystemNamespace),
                Rules =
                [
                    new V1PolicyRule
                    {
                        Verbs = ["get", "list", "watch"],
                        ApiGroups = [""],
                        Resources = ["configmaps"],
                        ResourceNames = ["extension-apiserver-authentication"],
                    },
                ],
            },
        ],
        [
            new V1RoleBinding
            {
                ApiVersion = "rbac.authorization.k8s.io/v1",
                Kind = "RoleBinding",
                Metadata = BootstrapClusterRoles.Metadata($"system::{AuthenticationReaderRole}", KubeSystemNamespace),
                RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = AuthenticationReaderRole },
                Subjects = [User("system:kube-controller-manager"), User("system:kube-scheduler")],
            },
        ]);

    private static V1ClusterRoleBinding ClusterRoleBinding(string role, params Rbacv1Subject[] subjects) => new()
    {
        ApiVersion = "rbac.authorization.k8s.io/v1",
        Kind = "ClusterRoleBinding",
        Metadata = BootstrapClusterRoles.Metadata(role),
        RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = role },
        Subjects = subjects,
    };

    private static Rbacv1Subject Group(string name) =>
        new() { ApiGroup = "rbac.authorization.k8s.io", Kind = "Group", Name = name };

    private static Rbacv1Subject User(string name) =>
        new() { ApiGroup = "rbac.authorization.k8s.io", Kind = "User", Name = name };
}
