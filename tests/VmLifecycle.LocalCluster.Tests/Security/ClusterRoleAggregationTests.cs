using k8s.Models;
using VmLifecycle.LocalCluster.Security;
using VmLifecycle.LocalCluster.Security.Authorization;
using static VmLifecycle.LocalCluster.Tests.Security.InMemoryRbacObjects;
using static VmLifecycle.LocalCluster.Tests.Security.RequestAttributesFor;

namespace VmLifecycle.LocalCluster.Tests.Security;

public sealed class ClusterRoleAggregationTests
{
    private static V1ClusterRole Labelled(string name, IDictionary<string, string> labels, params V1PolicyRule[] rules) =>
        new() { Metadata = new V1ObjectMeta { Name = name, Labels = labels }, Rules = rules };

    private static Dictionary<string, string> Labels(params string[] keys) => keys.ToDictionary(k => k, _ => "true");

    private static List<V1ClusterRole> BootstrapWith(params V1ClusterRole[] extra) => [.. BootstrapPolicy.Create().ClusterRoles, .. extra];

    private static Dictionary<string, V1ClusterRole> Aggregated(List<V1ClusterRole> roles)
    {
        var updated = ClusterRoleAggregation.Aggregate(roles).ToDictionary(r => r.Metadata.Name);
        return roles.ToDictionary(r => r.Metadata.Name, r => updated.GetValueOrDefault(r.Metadata.Name) ?? r);
    }

    [Fact]
    public void View_edit_and_admin_get_the_rules_of_the_default_aggregate_to_roles()
    {
        var roles = Aggregated(BootstrapWith());
        var objects = new InMemoryRbacObjects();
        objects.ClusterRoleList.AddRange(roles.Values);
        objects.RoleBinding("team", "viewer", "ClusterRole", "view", User("viewer"))
            .RoleBinding("team", "editor", "ClusterRole", "edit", User("editor"))
            .RoleBinding("team", "owner", "ClusterRole", "admin", User("owner"));
        var authorizer = new RbacAuthorizer(objects);
        bool Can(string user, string verb, string resource, string group = "") =>
            authorizer.Authorize(Resource(UserInfo.Create(user), verb, group, resource, "", "team", "x")).Allowed;

        Assert.True(Can("viewer", "get", "configmaps"));
        Assert.True(Can("viewer", "get", "pods"));
        Assert.True(Can("viewer", "get", "services"));
        Assert.True(Can("viewer", "get", "events"));
        Assert.True(Can("viewer", "get", "namespaces"));
        Assert.False(Can("viewer", "get", "secrets"));
        Assert.False(Can("viewer", "update", "configmaps"));

        Assert.True(Can("editor", "get", "secrets"));
        Assert.True(Can("editor", "update", "configmaps"));
        Assert.True(Can("editor", "get", "pods"));
        Assert.False(Can("editor", "update", "rolebindings", "rbac.authorization.k8s.io"));

        Assert.True(Can("owner", "update", "rolebindings", "rbac.authorization.k8s.io"));
        Assert.True(Can("owner", "delete", "secrets"));
        Assert.True(Can("owner", "get", "configmaps"));
    }

    [Fact]
    public void A_labelled_cluster_role_extends_view_and_through_the_chain_edit_and_admin()
    {
        var vmView = Labelled("kubevirt.io:view", Labels(BootstrapClusterRoles.AggregateToView),
            Rule(["get", "list", "watch"], ["kubevirt.io"], ["virtualmachines"]));
        var vmEdit = Labelled("kubevirt.io:edit", Labels(BootstrapClusterRoles.AggregateToEdit, BootstrapClusterRoles.AggregateToAdmin),
            Rule(["update"], ["subresources.kubevirt.io"], ["virtualmachines/start", "virtualmachines/stop"]));

        var roles = Aggregated(BootstrapWith(vmView, vmEdit));

        Assert.Contains(roles["view"].Rules, r => ClusterRoleAggregation.SameRule(r, vmView.Rules[0]));
        Assert.DoesNotContain(roles["view"].Rules, r => ClusterRoleAggregation.SameRule(r, vmEdit.Rules[0]));
        Assert.Contains(roles["edit"].Rules, r => ClusterRoleAggregation.SameRule(r, vmView.Rules[0]));
        Assert.Contains(roles["edit"].Rules, r => ClusterRoleAggregation.SameRule(r, vmEdit.Rules[0]));
        Assert.Contains(roles["admin"].Rules, r => ClusterRoleAggregation.SameRule(r, vmView.Rules[0]));
        Assert.Contains(roles["admin"].Rules, r => ClusterRoleAggregation.SameRule(r, vmEdit.Rules[0]));
    }

    [Fact]
    public void Aggregated_rules_follow_selector_order_then_role_name_without_duplicates()
    {
        var shared = Rule(["get"], [""], ["pods"]);
        var aggregating = new V1ClusterRole
        {
            Metadata = new V1ObjectMeta { Name = "combined" },
            AggregationRule = new V1AggregationRule
            {
                ClusterRoleSelectors =
                [
                    new V1LabelSelector { MatchLabels = Labels("second") },
                    new V1LabelSelector { MatchExpressions = [new V1LabelSelectorRequirement { Key = "first", OperatorProperty = "Exists" }] },
                ],
            },
        };
        var roles = new List<V1ClusterRole>
        {
            aggregating,
            Labelled("b-first", Labels("first"), Rule(["list"], [""], ["pods"]), shared),
            Labelled("a-first", Labels("first"), Rule(["watch"], [""], ["pods"])),
            Labelled("z-second", Labels("second"), shared),
        };

        var rules = ClusterRoleAggregation.Aggregate(roles).Single().Rules;

        Assert.Equal(["get", "watch", "list"], rules.Select(r => r.Verbs.Single()));
    }

    [Fact]
    public void Roles_whose_aggregated_rules_are_already_stored_are_not_returned()
    {
        var first = Aggregated(BootstrapWith());

        Assert.Empty(ClusterRoleAggregation.Aggregate(first.Values));
    }

    [Fact]
    public void An_aggregating_role_skips_itself_and_its_own_rules_are_replaced()
    {
        var self = Labelled("self", Labels("x"), Rule(["delete"], [""], ["pods"]));
        self.AggregationRule = new V1AggregationRule { ClusterRoleSelectors = [new V1LabelSelector { MatchLabels = Labels("x") }] };
        var other = Labelled("other", Labels("x"), Rule(["get"], [""], ["pods"]));

        var result = ClusterRoleAggregation.Aggregate([self, other]).Single();

        Assert.Equal(["get"], result.Rules.Select(r => r.Verbs.Single()));
    }

    [Fact]
    public void Mutually_aggregating_roles_settle()
    {
        var a = Labelled("a", Labels("x"), Rule(["get"], [""], ["pods"]));
        a.AggregationRule = new V1AggregationRule { ClusterRoleSelectors = [new V1LabelSelector { MatchLabels = Labels("y") }] };
        var b = Labelled("b", Labels("y"), Rule(["list"], [""], ["pods"]));
        b.AggregationRule = new V1AggregationRule { ClusterRoleSelectors = [new V1LabelSelector { MatchLabels = Labels("x") }] };

        var once = Aggregated([a, b]);

        Assert.Empty(ClusterRoleAggregation.Aggregate(once.Values));
    }
}
