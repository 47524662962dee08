using k8s.Models;
using VmLifecycle.LocalCluster.Security;
using VmLifecycle.LocalCluster.Security.Authorization;
using static VmLifecycle.LocalCluster.Tests.Security.InMemoryRbacObjects;

namespace VmLifecycle.LocalCluster.Tests.Security;

public sealed class AccessReviewEvaluatorTests
{
    private static readonly InMemoryRbacObjects _rbac = new InMemoryRbacObjects()
        .ClusterRole("vm-user", Rule(["update"], ["subresources.kubevirt.io"], ["virtualmachines/start"]), UrlRule(["get"], ["/logs/*"]))
        .RoleBinding("team-a", "jane-vms", "ClusterRole", "vm-user", Group("devs"))
        .ClusterRoleBinding("dangling", "gone", User("ghost"));

    private static AccessReviewEvaluator Evaluator() => new(new RbacAuthorizer(_rbac), new RbacRuleResolver(_rbac));

    private static V1ResourceAttributes Start(string @namespace) => new()
    {
        Verb = "update",
        Group = "subresources.kubevirt.io",
        Resource = "virtualmachines",
        Subresource = "start",
        NamespaceProperty = @namespace,
        Name = "vm",
    };

    [Fact]
    public void A_subject_access_review_is_allowed_for_the_user_and_groups_in_its_spec()
    {
        var review = new V1SubjectAccessReview { Spec = new V1SubjectAccessReviewSpec { User = "jane", Groups = ["devs"], ResourceAttributes = Start("team-a") } };

        var status = Evaluator().Evaluate(review).Status;

        Assert.True(status.Allowed);
        Assert.Null(status.Denied);
        Assert.Equal("RBAC: allowed by RoleBinding \"jane-vms/team-a\" of ClusterRole \"vm-user\" to Group \"devs\"", status.Reason);
    }

    [Fact]
    public void A_subject_access_review_outside_the_granted_namespace_is_not_allowed_and_not_explicitly_denied()
    {
        var review = new V1SubjectAccessReview { Spec = new V1SubjectAccessReviewSpec { User = "jane", Groups = ["devs"], ResourceAttributes = Start("team-b") } };

        var status = Evaluator().Evaluate(review).Status;

        Assert.False(status.Allowed);
        Assert.Null(status.Denied);
        Assert.Null(status.Reason);
    }

    [Fact]
    public void A_self_subject_access_review_asks_for_the_requester()
    {
        var review = new V1SelfSubjectAccessReview { Spec = new V1SelfSubjectAccessReviewSpec { ResourceAttributes = Start("team-a") } };

        Assert.True(Evaluator().Evaluate(review, UserInfo.Create("jane", "devs")).Status.Allowed);
        Assert.False(Evaluator().Evaluate(review, UserInfo.Create("bob")).Status.Allowed);
    }

    [Fact]
    public void Non_resource_urls_of_a_role_bound_in_a_namespace_grant_nothing()
    {
        var review = new V1SelfSubjectAccessReview { Spec = new V1SelfSubjectAccessReviewSpec { NonResourceAttributes = new V1NonResourceAttributes { Verb = "get", Path = "/logs/x" } } };

        Assert.False(Evaluator().Evaluate(review, UserInfo.Create("jane", "devs")).Status.Allowed);
    }

    [Fact]
    public void A_self_subject_access_review_of_system_masters_is_allowed()
    {
        var review = new V1SelfSubjectAccessReview { Spec = new V1SelfSubjectAccessReviewSpec { ResourceAttributes = Start("anywhere") } };

        Assert.True(Evaluator().Evaluate(review, UserInfo.Create("admin", UserInfo.MastersGroup)).Status.Allowed);
    }

    [Fact]
    public void A_local_subject_access_review_takes_the_namespace_of_the_object()
    {
        var attributes = Start("");
        var review = new V1LocalSubjectAccessReview
        {
            Metadata = new V1ObjectMeta { NamespaceProperty = "team-a" },
            Spec = new V1SubjectAccessReviewSpec { User = "jane", Groups = ["devs"], ResourceAttributes = attributes },
        };

        Assert.True(Evaluator().Evaluate(review).Status.Allowed);
    }

    [Fact]
    public void A_review_needs_exactly_one_kind_of_attributes_and_a_subject()
    {
        Assert.Empty(AccessReviewEvaluator.Validate(Start("a"), null, "jane", null, needsSubject: true));
        Assert.Equal(["spec.resourceAttributes"], AccessReviewEvaluator.Validate(null, null, "jane", null, true).Select(c => c.Field));
        Assert.Equal(["spec.nonResourceAttributes"], AccessReviewEvaluator.Validate(Start("a"), new V1NonResourceAttributes(), "jane", null, true).Select(c => c.Field));
        Assert.Equal(["spec.user"], AccessReviewEvaluator.Validate(Start("a"), null, "", [], true).Select(c => c.Field));
        Assert.Empty(AccessReviewEvaluator.Validate(Start("a"), null, null, null, needsSubject: false));
    }

    [Fact]
    public void A_rules_review_lists_resource_and_non_resource_rules_of_the_namespace()
    {
        var review = new V1SelfSubjectRulesReview { Spec = new V1SelfSubjectRulesReviewSpec { NamespaceProperty = "team-a" } };

        var status = Evaluator().Evaluate(review, UserInfo.Create("jane", "devs")).Status;

        Assert.Equal(["virtualmachines/start"], status.ResourceRules.Single().Resources);
        Assert.Equal(["/logs/*"], status.NonResourceRules.Single().NonResourceURLs);
        Assert.False(status.Incomplete);
    }

    [Fact]
    public void A_rules_review_with_a_dangling_binding_is_incomplete()
    {
        var review = new V1SelfSubjectRulesReview { Spec = new V1SelfSubjectRulesReviewSpec { NamespaceProperty = "default" } };

        var status = Evaluator().Evaluate(review, UserInfo.Create("ghost")).Status;

        Assert.True(status.Incomplete);
        Assert.Equal("clusterrole.rbac.authorization.k8s.io \"gone\" not found", status.EvaluationError);
    }
}
