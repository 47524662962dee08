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
}
