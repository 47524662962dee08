using VmLifecycle.LocalCluster.Security;
using VmLifecycle.LocalCluster.Security.Authorization;
using static VmLifecycle.LocalCluster.Tests.Security.RequestAttributesFor;

namespace VmLifecycle.LocalCluster.Tests.Security;

public sealed class BootstrapPolicyTests
{
    private static RbacAuthorizer BootstrapAuthorizer()
    {
        var policy = BootstrapPolicy.Create();
        var objects = new InMemoryRbacObjects();
        objects.ClusterRoleList.AddRange(policy.ClusterRoles);
        objects.ClusterRoleBindingList.AddRange(policy.ClusterRoleBindings);
        objects.RoleList.AddRange(policy.Roles);
        objects.RoleBindingList.AddRange(policy.RoleBindings);
        return new RbacAuthorizer(objects);
    }

    [Fact]
    public void Every_authenticated_user_may_read_discovery_and_review_its_own_access()
    {
        var authorizer = BootstrapAuthorizer();

        Assert.True(authorizer.Authorize(Path(Jane, "get", "/apis/kubevirt.io/v1")).Allowed);
        Assert.True(authorizer.Authorize(Path(Jane, "get", "/openapi/v3")).Allowed);
        Assert.True(authorizer.Authorize(Path(Jane, "get", "/version")).Allowed);
        Assert.True(authorizer.Authorize(Resource(Jane, "create", "authorization.k8s.io", "selfsubjectaccessreviews")).Allowed);
        Assert.False(authorizer.Authorize(Resource(Jane, "create", "authorization.k8s.io", "subjectaccessreviews")).Allowed);
        Assert.False(authorizer.Authorize(Resource(Jane, "list", "", "pods", "", "default")).Allowed);
    }

    [Fact]
    public void Unauthenticated_users_may_only_read_health_and_version()
    {
        var anonymous = UserInfo.Create(UserInfo.AnonymousUser, UserInfo.UnauthenticatedGroup);
        var authorizer = BootstrapAuthorizer();

        Assert.True(authorizer.Authorize(Path(anonymous, "get", "/healthz")).Allowed);
        Assert.True(authorizer.Authorize(Path(anonymous, "get", "/version")).Allowed);
        Assert.False(authorizer.Authorize(Path(anonymous, "get", "/apis")).Allowed);
    }

    [Fact]
    public void The_authentication_reader_role_in_kube_system_reads_only_the_extension_apiserver_configmap()
    {
        var policy = BootstrapPolicy.Create();
        var objects = new InMemoryRbacObjects();
        objects.RoleList.AddRange(policy.Roles);
        objects.RoleBinding("kube-system", "reader", "Role", BootstrapPolicy.AuthenticationReaderRole, InMemoryRbacObjects.User("jane"));
        var authorizer = new RbacAuthorizer(objects);

        Assert.True(authorizer.Authorize(Resource(Jane, "get", "", "configmaps", "", "kube-system", "extension-apiserver-authentication")).Allowed);
        Assert.False(authorizer.Authorize(Resource(Jane, "get", "", "configmaps", "", "kube-system", "other")).Allowed);
        Assert.Equal(["system:kube-controller-manager", "system:kube-scheduler"], policy.RoleBindings.Single().Subjects.Select(s => s.Name));
    }

    [Fact]
    public void Auth_delegator_allows_token_and_subject_access_reviews()
    {
        var objects = new InMemoryRbacObjects();
        objects.ClusterRoleList.AddRange(BootstrapPolicy.Create().ClusterRoles);
        objects.ClusterRoleBinding("aggregator-delegator", "system:auth-delegator", InMemoryRbacObjects.User("jane"));
        var authorizer = new RbacAuthorizer(objects);

        Assert.True(authorizer.Authorize(Resource(Jane, "create", "authentication.k8s.io", "tokenreviews")).Allowed);
        Assert.True(authorizer.Authorize(Resource(Jane, "create", "authorization.k8s.io", "subjectaccessreviews")).Allowed);
    }

    [Fact]
    public void Cluster_admin_is_bound_to_system_masters_and_covers_resources_and_paths()
    {
        var policy = BootstrapPolicy.Create();
        var binding = policy.ClusterRoleBindings.Single(b => b.RoleRef.Name == "cluster-admin");
        var objects = new InMemoryRbacObjects();
        objects.ClusterRoleList.AddRange(policy.ClusterRoles);
        objects.ClusterRoleBinding("root", "cluster-admin", InMemoryRbacObjects.User("root"));
        var root = UserInfo.Create("root");

        Assert.Equal(UserInfo.MastersGroup, binding.Subjects.Single().Name);
        Assert.True(new RbacAuthorizer(objects).Authorize(Resource(root, "delete", "kubevirt.io", "virtualmachines", "", "x", "y")).Allowed);
        Assert.True(new RbacAuthorizer(objects).Authorize(Path(root, "get", "/metrics")).Allowed);
    }

    [Fact]
    public void Bootstrap_objects_carry_the_rbac_defaults_label_and_autoupdate_annotation()
    {
        var policy = BootstrapPolicy.Create();
        var metadata = policy.ClusterRoles.Select(r => r.Metadata)
            .Concat(policy.ClusterRoleBindings.Select(b => b.Metadata))
            .Concat(policy.Roles.Select(r => r.Metadata))
            .Concat(policy.RoleBindings.Select(b => b.Metadata));

        Assert.All(metadata, m =>
        {
            Assert.Equal("rbac-defaults", m.Labels["kubernetes.io/bootstrapping"]);
            Assert.Equal("true", m.Annotations["rbac.authorization.kubernetes.io/autoupdate"]);
        });
    }
}
