using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VmLifecycle.Aggregator.Authentication;
using VmLifecycle.Aggregator.Authorization;
using VmLifecycle.Aggregator.Observability;
using VmLifecycle.Aggregator.Tests.TestSupport;

namespace VmLifecycle.Aggregator.Tests.Authorization;

public sealed class SubjectAccessReviewAuthorizerTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly AggregatorMetrics _metrics = new();
    private readonly FakeSubjectAccessReviewClient _client = new(request => new AccessDecision(request.User.Name == "jane", ""));
    private readonly SubjectAccessReviewAuthorizer _authorizer;

    public SubjectAccessReviewAuthorizerTests() =>
        _authorizer = new SubjectAccessReviewAuthorizer(_client, Options.Create(new SubjectAccessReviewOptions()), _time, _metrics);

    [Fact]
    public async Task System_masters_are_allowed_without_a_review()
    {
        var decision = await _authorizer.AuthorizeAsync(Request("system:kube-aggregator", groups: [AuthenticatedUser.MastersGroup]), TestContext.Current.CancellationToken);

        Assert.True(decision.Allowed);
        Assert.Empty(_client.Reviews);
    }

    [Fact]
    public async Task Allowed_answers_are_cached_for_ten_seconds()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Assert.True((await _authorizer.AuthorizeAsync(Request("jane"), cancellationToken)).Allowed);
        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.True((await _authorizer.AuthorizeAsync(Request("jane"), cancellationToken)).Allowed);
        Assert.Single(_client.Reviews);

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.True((await _authorizer.AuthorizeAsync(Request("jane"), cancellationToken)).Allowed);
        Assert.Equal(2, _client.Reviews.Count);

        var text = await MetricsText();
        Assert.Contains("vm_lifecycle_aggregator_authorization_cache_total{result=\"hit\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("vm_lifecycle_aggregator_authorization_cache_total{result=\"miss\"} 2", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Denied_answers_are_cached_too()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Assert.False((await _authorizer.AuthorizeAsync(Request("bob"), cancellationToken)).Allowed);
        Assert.False((await _authorizer.AuthorizeAsync(Request("bob"), cancellationToken)).Allowed);

        Assert.Single(_client.Reviews);
    }

    [Fact]
    public async Task The_cache_key_is_the_whole_spec()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await _authorizer.AuthorizeAsync(Request("jane"), cancellationToken);
        await _authorizer.AuthorizeAsync(Request("jane") with { Subresource = "stop" }, cancellationToken);
        await _authorizer.AuthorizeAsync(Request("jane") with { Verb = "get" }, cancellationToken);
        await _authorizer.AuthorizeAsync(Request("jane") with { Name = "other" }, cancellationToken);
        await _authorizer.AuthorizeAsync(Request("jane") with { Namespace = "other" }, cancellationToken);
        await _authorizer.AuthorizeAsync(Request("jane", groups: ["x", AuthenticatedUser.AuthenticatedGroup]), cancellationToken);
        await _authorizer.AuthorizeAsync(Request("jane", extra: new() { ["scopes"] = ["a"] }), cancellationToken);

        Assert.Equal(7, _client.Reviews.Count);
    }

    [Fact]
    public async Task Failed_reviews_are_not_cached()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _client.Failure = new HttpRequestException("connection refused");
        await Assert.ThrowsAsync<HttpRequestException>(() => _authorizer.AuthorizeAsync(Request("jane"), cancellationToken));

        _client.Failure = null;
        Assert.True((await _authorizer.AuthorizeAsync(Request("jane"), cancellationToken)).Allowed);
        Assert.Equal(2, _client.Reviews.Count);
    }

    [Fact]
    public void Verbs_follow_kube_apiserver()
    {
        Assert.Equal("update", ResourceAccessRequest.VerbFor("PUT"));
        Assert.Equal("get", ResourceAccessRequest.VerbFor("GET"));
        Assert.Equal("get", ResourceAccessRequest.VerbFor("HEAD"));
        Assert.Equal("create", ResourceAccessRequest.VerbFor("POST"));
        Assert.Equal("patch", ResourceAccessRequest.VerbFor("PATCH"));
        Assert.Equal("delete", ResourceAccessRequest.VerbFor("DELETE"));
    }

    [Fact]
    public void Forbidden_message_is_kube_apiservers()
    {
        Assert.Equal(
            "virtualmachines.subresources.kubevirt.io \"my-vm\" is forbidden: User \"jane\" cannot update resource \"virtualmachines/start\" in API group \"subresources.kubevirt.io\" in the namespace \"default\"",
            ForbiddenMessage.For(Request("jane"), ""));
        Assert.EndsWith(
            "in the namespace \"default\": no RBAC policy matched",
            ForbiddenMessage.For(Request("jane"), "no RBAC policy matched"),
            StringComparison.Ordinal);
    }

    public void Dispose() => _authorizer.Dispose();

    private static ResourceAccessRequest Request(string user, string[]? groups = null, Dictionary<string, IReadOnlyList<string>>? extra = null) => new(
        new AuthenticatedUser(user, null, groups ?? [AuthenticatedUser.AuthenticatedGroup], extra ?? []),
        "update", "subresources.kubevirt.io", "v1", "virtualmachines", "start", "default", "my-vm");

    private async Task<string> MetricsText()
    {
        using var stream = new MemoryStream();
        await _metrics.Registry.CollectAndExportAsTextAsync(stream, TestContext.Current.CancellationToken);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
