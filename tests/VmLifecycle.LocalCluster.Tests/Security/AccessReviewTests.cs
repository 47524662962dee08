using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Tests.Infrastructure;

namespace VmLifecycle.LocalCluster.Tests.Security;

[Collection(SharedCluster.Name)]
public sealed class AccessReviewTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Kubectl_Creates_A_SubjectAccessReview_From_A_File_And_Gets_Its_Status()
    {
        var output = await fixture.Kubectl.ApplyAsync("""
            apiVersion: authorization.k8s.io/v1
            kind: SubjectAccessReview
            spec:
              user: jane
              groups: [devs]
              resourceAttributes: {verb: get, resource: widgets, group: test.vmlifecycle.io, namespace: default}
            """, "create");

        Assert.Contains("subjectaccessreview.authorization.k8s.io/<unknown> created", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reviews_Are_Not_Stored_And_Cannot_Be_Listed()
    {
        var create = await fixture.Kubectl.RunAsync(["create", "-o", "json", "-f", "-"], """
            apiVersion: authorization.k8s.io/v1
            kind: SelfSubjectAccessReview
            spec:
              nonResourceAttributes: {verb: get, path: /healthz}
            """, TestContext.Current.CancellationToken);
        var list = await fixture.Kubectl.RunAsync("get", "selfsubjectaccessreviews");

        Assert.Equal(0, create.ExitCode);
        Assert.True(JsonNode.Parse(create.Output)!["status"]!["allowed"]!.GetValue<bool>());
        Assert.NotEqual(0, list.ExitCode);
        Assert.Contains("MethodNotAllowed", list.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Can_I_List_Shows_The_Rules_Of_The_Admin()
    {
        var result = await fixture.Kubectl.RunAsync("auth", "can-i", "--list");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Matches(@"(?m)^\*\.\*\s+\[\]\s+\[\]\s+\[\*\]", result.Output);
        Assert.DoesNotContain("incomplete", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_LocalSubjectAccessReview_Is_Answered_By_Rbac_In_Its_Namespace()
    {
        var ns = await fixture.CreateNamespaceAsync("lsar");
        await fixture.Kubectl.SucceedAsync("create", "rolebinding", "jane-views", "-n", ns, "--clusterrole=view", "--user=jane");

        var allowed = await ReviewAsync(ns, "list", ns);
        var refused = await ReviewAsync(ns, "delete", ns);
        var mismatch = await fixture.Kubectl.RunAsync(["create", "-f", "-"], LocalReview(ns, "list", "other"), TestContext.Current.CancellationToken);

        Assert.True(allowed["allowed"]!.GetValue<bool>());
        Assert.Contains("RBAC: allowed by RoleBinding \"jane-views/" + ns + "\"", allowed["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(refused["allowed"]!.GetValue<bool>());
        Assert.Contains("spec.resourceAttributes.namespace", mismatch.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_SubjectAccessReview_Without_Attributes_Or_Subject_Is_Invalid()
    {
        var result = await fixture.Kubectl.RunAsync(["create", "-f", "-"], """
            apiVersion: authorization.k8s.io/v1
            kind: SubjectAccessReview
            spec: {groups: []}
            """, TestContext.Current.CancellationToken);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("The SubjectAccessReview \"\" is invalid", result.Error, StringComparison.Ordinal);
        Assert.Contains("spec.resourceAttributes: Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified", result.Error, StringComparison.Ordinal);
        Assert.Contains("spec.user: Invalid value: \"\": at least one of user or group must be specified", result.Error, StringComparison.Ordinal);
    }

    private static string LocalReview(string ns, string verb, string reviewedNamespace) => $"""
        apiVersion: authorization.k8s.io/v1
        kind: LocalSubjectAccessReview
        metadata: {"{"}namespace: {ns}{"}"}
        spec:
          user: jane
          resourceAttributes: {"{"}verb: {verb}, resource: configmaps, namespace: {reviewedNamespace}{"}"}
        """;

    private async Task<JsonNode> ReviewAsync(string ns, string verb, string reviewedNamespace)
    {
        var result = await fixture.Kubectl.RunAsync(["create", "-o", "json", "-f", "-"], LocalReview(ns, verb, reviewedNamespace), TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonNode.Parse(result.Output)!["status"]!;
    }
}
