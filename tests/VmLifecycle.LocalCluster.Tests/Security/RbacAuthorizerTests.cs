using VmLifecycle.LocalCluster.Security;
using VmLifecycle.LocalCluster.Security.Authorization;
using static VmLifecycle.LocalCluster.Tests.Security.InMemoryRbacObjects;
using static VmLifecycle.LocalCluster.Tests.Security.RequestAttributesFor;

namespace VmLifecycle.LocalCluster.Tests.Security;

public sealed class RbacAuthorizerTests
{
    private const string KubeVirt = "kubevirt.io";
    private const string Subresources = "subresources.kubevirt.io";

    private static bool Allowed(InMemoryRbacObjects objects, RequestAttributes request) =>
        new RbacAuthorizer(objects).Authorize(request).Allowed;

    private static InMemoryRbacObjects JaneBoundTo(params k8s.Models.V1PolicyRule[] rules) =>
        new InMemoryRbacObjects().ClusterRole("r", rules).ClusterRoleBinding("b", "r", User("jane"));

    [Fact]
    public void Nothing_is_allowed_without_a_binding()
    {
        var objects = new InMemoryRbacObjects().ClusterRole("r", Rule(["*"], ["*"], ["*"]));

        var decision = new RbacAuthorizer(objects).Authorize(Resource(Jane, "get", "", "pods", @namespace: "default", name: "p"));

        Assert.False(decision.Allowed);
        Assert.Equal("", decision.Reason);
    }

    [Fact]
    public void System_masters_are_allowed_everything_without_any_binding()
    {
        var admin = UserInfo.Create("admin", UserInfo.MastersGroup);

        Assert.True(Allowed(new InMemoryRbacObjects(), Resource(admin, "delete", KubeVirt, "virtualmachines", @namespace: "x", name: "y")));
        Assert.True(Allowed(new InMemoryRbacObjects(), Path(admin, "get", "/metrics")));
    }

    [Fact]
    public void A_verb_rule_allows_only_its_verbs_and_the_star_verb_allows_all()
    {
        var objects = JaneBoundTo(Rule(["get", "list"], [KubeVirt], ["virtualmachines"]));
        var star = JaneBoundTo(Rule(["*"], [KubeVirt], ["virtualmachines"]));

        Assert.True(Allowed(objects, Resource(Jane, "list", KubeVirt, "virtualmachines", @namespace: "default")));
        Assert.False(Allowed(objects, Resource(Jane, "delete", KubeVirt, "virtualmachines", @namespace: "default", name: "vm")));
        Assert.True(Allowed(star, Resource(Jane, "deletecollection", KubeVirt, "virtualmachines", @namespace: "default")));
    }

    [Fact]
    public void The_api_group_must_match_unless_the_rule_has_the_star_group()
    {
        var objects = JaneBoundTo(Rule(["get"], [KubeVirt], ["virtualmachines"]));
        var star = JaneBoundTo(Rule(["get"], ["*"], ["virtualmachines"]));

        Assert.False(Allowed(objects, Resource(Jane, "get", "other.io", "virtualmachines", name: "vm")));
        Assert.True(Allowed(star, Resource(Jane, "get", "other.io", "virtualmachines", name: "vm")));
    }

    [Fact]
    public void A_resource_rule_does_not_cover_its_subresources()
    {
        var objects = JaneBoundTo(Rule(["update"], [Subresources], ["virtualmachines"]));

        Assert.False(Allowed(objects, Resource(Jane, "update", Subresources, "virtualmachines", "start", "default", "vm")));
    }

    [Fact]
    public void A_resource_slash_subresource_rule_covers_only_that_subresource()
    {
        var objects = JaneBoundTo(Rule(["update"], [Subresources], ["virtualmachines/start"]));

        Assert.True(Allowed(objects, Resource(Jane, "update", Subresources, "virtualmachines", "start", "default", "vm")));
        Assert.False(Allowed(objects, Resource(Jane, "update", Subresources, "virtualmachines", "stop", "default", "vm")));
        Assert.False(Allowed(objects, Resource(Jane, "update", Subresources, "virtualmachines", "", "default", "vm")));
    }

    [Fact]
    public void A_star_slash_subresource_rule_covers_that_subresource_of_every_resource_but_not_the_resources()
    {
        var objects = JaneBoundTo(Rule(["get"], ["*"], ["*/status"]));

        Assert.True(Allowed(objects, Resource(Jane, "get", KubeVirt, "virtualmachines", "status", "default", "vm")));
        Assert.True(Allowed(objects, Resource(Jane, "get", "", "pods", "status", "default", "p")));
        Assert.False(Allowed(objects, Resource(Jane, "get", "", "pods", "log", "default", "p")));
        Assert.False(Allowed(objects, Resource(Jane, "get", "", "pods", "", "default", "p")));
    }

    [Fact]
    public void The_star_resource_covers_resources_and_subresources()
    {
        var objects = JaneBoundTo(Rule(["get"], [""], ["*"]));

        Assert.True(Allowed(objects, Resource(Jane, "get", "", "pods", "log", "default", "p")));
        Assert.True(Allowed(objects, Resource(Jane, "get", "", "configmaps", "", "default", "c")));
    }

    [Fact]
    public void Resource_names_restrict_named_requests_and_never_match_create_list_watch_or_deletecollection()
    {
        var objects = JaneBoundTo(Rule(["get", "update", "create", "list", "watch", "deletecollection"], [""], ["configmaps"], ["settings"]));

        Assert.True(Allowed(objects, Resource(Jane, "get", "", "configmaps", "", "default", "settings")));
        Assert.True(Allowed(objects, Resource(Jane, "update", "", "configmaps", "", "default", "settings")));
        Assert.False(Allowed(objects, Resource(Jane, "get", "", "configmaps", "", "default", "other")));
        Assert.False(Allowed(objects, Resource(Jane, "create", "", "configmaps", "", "default")));
        Assert.False(Allowed(objects, Resource(Jane, "list", "", "configmaps", "", "default")));
        Assert.False(Allowed(objects, Resource(Jane, "watch", "", "configmaps", "", "default")));
        Assert.False(Allowed(objects, Resource(Jane, "deletecollection", "", "configmaps", "", "default")));
    }

    [Fact]
    public void Non_resource_urls_match_exactly_or_by_prefix_before_a_trailing_star()
    {
        var objects = JaneBoundTo(UrlRule(["get"], ["/healthz", "/apis/*", "/logs*"]));

        Assert.True(Allowed(objects, Path(Jane, "get", "/healthz")));
        Assert.False(Allowed(objects, Path(Jane, "get", "/healthz/ping")));
        Assert.True(Allowed(objects, Path(Jane, "get", "/apis/kubevirt.io/v1")));
        Assert.False(Allowed(objects, Path(Jane, "get", "/apis")));
        Assert.True(Allowed(objects, Path(Jane, "get", "/logs")));
        Assert.True(Allowed(objects, Path(Jane, "get", "/logsanything")));
        Assert.False(Allowed(objects, Path(Jane, "post", "/healthz")));
    }

    [Fact]
    public void Non_resource_rules_do_not_grant_resources_and_resource_rules_do_not_grant_paths()
    {
        var urls = JaneBoundTo(UrlRule(["*"], ["*"]));
        var resources = JaneBoundTo(Rule(["*"], ["*"], ["*"]));

        Assert.False(Allowed(urls, Resource(Jane, "get", "", "pods", "", "default", "p")));
        Assert.False(Allowed(resources, Path(Jane, "get", "/healthz")));
    }

    [Fact]
    public void A_cluster_role_binding_grants_in_every_namespace_and_at_cluster_scope()
    {
        var objects = JaneBoundTo(Rule(["get"], [""], ["configmaps"]));

        Assert.True(Allowed(objects, Resource(Jane, "get", "", "configmaps", "", "a", "c")));
        Assert.True(Allowed(objects, Resource(Jane, "get", "", "configmaps", "", "b", "c")));
        Assert.True(Allowed(objects, Resource(Jane, "get", "", "configmaps", "", "", "")));
    }

    [Fact]
    public void A_role_binding_to_a_cluster_role_grants_only_in_the_binding_namespace()
    {
        var objects = new InMemoryRbacObjects()
            .ClusterRole("vm-user", Rule(["update"], [Subresources], ["virtualmachines/start"]))
            .RoleBinding("team-a", "jane-vms", "ClusterRole", "vm-user", User("jane"));

        Assert.True(Allowed(objects, Resource(Jane, "update", Subresources, "virtualmachines", "start", "team-a", "vm")));
        Assert.False(Allowed(objects, Resource(Jane, "update", Subresources, "virtualmachines", "start", "team-b", "vm")));
        Assert.False(Allowed(objects, Resource(Jane, "list", Subresources, "virtualmachines", "", "", "")));
    }

    [Fact]
    public void A_role_binding_to_a_role_uses_the_role_of_its_own_namespace()
    {
        var objects = new InMemoryRbacObjects()
            .Role("team-a", "reader", Rule(["get"], [""], ["secrets"]))
            .Role("team-b", "reader", Rule(["*"], ["*"], ["*"]))
            .RoleBinding("team-a", "jane-reads", "Role", "reader", User("jane"));

        Assert.True(Allowed(objects, Resource(Jane, "get", "", "secrets", "", "team-a", "s")));
        Assert.False(Allowed(objects, Resource(Jane, "delete", "", "secrets", "", "team-a", "s")));
    }

    [Fact]
    public void Group_subjects_match_any_of_the_users_groups()
    {
        var objects = new InMemoryRbacObjects()
            .ClusterRole("r", Rule(["list"], [""], ["pods"]))
            .ClusterRoleBinding("b", "r", Group("devs"));

        Assert.True(Allowed(objects, Resource(Jane, "list", "", "pods", "", "default")));
        Assert.False(Allowed(objects, Resource(UserInfo.Create("bob", "ops"), "list", "", "pods", "", "default")));
    }

    [Fact]
    public void Service_account_subjects_match_their_username_and_default_to_the_binding_namespace()
    {
        var controller = UserInfo.Create(ServiceAccountIdentity.Username("vm-system", "controller"), [.. ServiceAccountIdentity.Groups("vm-system")]);
        var objects = new InMemoryRbacObjects()
            .ClusterRole("r", Rule(["list"], [KubeVirt], ["virtualmachines"]))
            .ClusterRole("local", Rule(["get"], [""], ["configmaps"]))
            .ClusterRoleBinding("b", "r", ServiceAccount("controller", "vm-system"))
            .RoleBinding("vm-system", "local", "ClusterRole", "local", ServiceAccount("controller"));

        Assert.True(Allowed(objects, Resource(controller, "list", KubeVirt, "virtualmachines")));
        Assert.True(Allowed(objects, Resource(controller, "get", "", "configmaps", "", "vm-system", "c")));
        Assert.False(Allowed(objects, Resource(UserInfo.Create("system:serviceaccount:other:controller"), "list", KubeVirt, "virtualmachines")));
    }

    [Fact]
    public void Service_account_groups_are_bindable_as_groups()
    {
        var controller = UserInfo.Create(ServiceAccountIdentity.Username("vm-system", "controller"), [.. ServiceAccountIdentity.Groups("vm-system")]);
        var objects = new InMemoryRbacObjects()
            .ClusterRole("r", Rule(["get"], [""], ["nodes"]))
            .ClusterRoleBinding("b", "r", Group("system:serviceaccounts:vm-system"));

        Assert.True(Allowed(objects, Resource(controller, "get", "", "nodes", name: "n1")));
    }

    [Fact]
    public void An_allow_names_the_binding_role_and_subject_that_allowed()
    {
        var objects = new InMemoryRbacObjects()
            .ClusterRole("vm-user", Rule(["get"], [KubeVirt], ["virtualmachines"]))
            .RoleBinding("team-a", "jane-vms", "ClusterRole", "vm-user", User("jane"));

        var decision = new RbacAuthorizer(objects).Authorize(Resource(Jane, "get", KubeVirt, "virtualmachines", "", "team-a", "vm"));

        Assert.Equal("RBAC: allowed by RoleBinding \"jane-vms/team-a\" of ClusterRole \"vm-user\" to User \"jane\"", decision.Reason);
    }

    [Fact]
    public void A_binding_to_a_missing_role_denies_with_the_lookup_error_as_reason()
    {
        var objects = new InMemoryRbacObjects().ClusterRoleBinding("b", "gone", User("jane"));

        var decision = new RbacAuthorizer(objects).Authorize(Resource(Jane, "get", "", "pods", "", "default", "p"));

        Assert.False(decision.Allowed);
        Assert.Equal("RBAC: clusterrole.rbac.authorization.k8s.io \"gone\" not found", decision.Reason);
    }
}
