using System.Text.Json;
using VmLifecycle.Aggregator.Authentication;
using VmLifecycle.Aggregator.Authorization;
using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Aggregator.Tests.TestSupport;

namespace VmLifecycle.Aggregator.Tests.Kubernetes;

public sealed class KubernetesSubjectAccessReviewClientTests
{
    [Theory]
    [InlineData("""{"allowed":true}""", true)]
    [InlineData("""{"allowed":false,"reason":"no"}""", false)]
    [InlineData("""{"allowed":true,"denied":true}""", false)]
    [InlineData("""{}""", false)]
    public async Task Review_spec_is_the_request_and_only_allowed_not_denied_allows(string status, bool allowed)
    {
        await using var api = await FakeApiServer.StartAsync();
        api.Respond = (request, context) => FakeApiServer.Json(context, 201, request.Body[..^1] + ",\"status\":" + status + "}");
        var client = new KubernetesSubjectAccessReviewClient(api.Client());
        var user = new AuthenticatedUser("jane", "uid-9", ["editors", "system:authenticated"], new Dictionary<string, IReadOnlyList<string>> { ["scopes"] = ["a"] });

        var decision = await client.ReviewAsync(
            new ResourceAccessRequest(user, "update", "subresources.kubevirt.io", "v1", "virtualmachines", "start", "default", "my-vm"),
            TestContext.Current.CancellationToken);

        Assert.Equal(allowed, decision.Allowed);
        var request = Assert.Single(api.Requests);
        Assert.Equal(("POST", "/apis/authorization.k8s.io/v1/subjectaccessreviews"), (request.Method, request.PathAndQuery));
        using var body = JsonDocument.Parse(request.Body);
        var spec = body.RootElement.GetProperty("spec");
        Assert.Equal("jane", spec.GetProperty("user").GetString());
        Assert.Equal("uid-9", spec.GetProperty("uid").GetString());
        Assert.Equal(["editors", "system:authenticated"], spec.GetProperty("groups").EnumerateArray().Select(group => group.GetString()));
        Assert.Equal("a", spec.GetProperty("extra").GetProperty("scopes")[0].GetString());
        var attributes = spec.GetProperty("resourceAttributes");
        Assert.Equal("default", attributes.GetProperty("namespace").GetString());
        Assert.Equal("update", attributes.GetProperty("verb").GetString());
        Assert.Equal("subresources.kubevirt.io", attributes.GetProperty("group").GetString());
        Assert.Equal("v1", attributes.GetProperty("version").GetString());
        Assert.Equal("virtualmachines", attributes.GetProperty("resource").GetString());
        Assert.Equal("start", attributes.GetProperty("subresource").GetString());
        Assert.Equal("my-vm", attributes.GetProperty("name").GetString());
    }
}
