using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using k8s.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VmLifecycle.LocalCluster.Aggregation;
using VmLifecycle.LocalCluster.Requests;
using VmLifecycle.LocalCluster.Security;
using VmLifecycle.LocalCluster.Tests.Security;

namespace VmLifecycle.LocalCluster.Tests.Aggregation;

/// <summary>The deadlines kube-apiserver puts on proxied requests, on a fake clock against a backend that never answers.</summary>
public sealed class AggregatedApiRoutingTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly StalledProxy _proxy = new();
    private readonly TestCertificateAuthority _frontProxyCa = TestCertificateAuthority.Create("front-proxy-ca");

    public void Dispose() => _frontProxyCa.Dispose();

    private (AggregatedApiRouting Routing, DefaultHttpContext Context) Request(string pathAndQuery, CancellationToken aborted = default)
    {
        var options = new AggregationOptions { FrontProxyClientCertificate = _frontProxyCa.IssueClient("front-proxy-client") };
        var routing = new AggregatedApiRouting(_ => throw new InvalidOperationException("not an aggregated path"), _proxy, options, _time, NullLogger<AggregatedApiRouting>.Instance);
        var uri = new Uri("https://localhost" + pathAndQuery);
        var context = new DefaultHttpContext { RequestAborted = aborted };
        context.Request.Method = "GET";
        context.Request.Path = uri.AbsolutePath;
        context.Request.QueryString = new QueryString(uri.Query);
        context.Response.Body = new MemoryStream();
        context.SetRequestInfo(ApiRequestInfoParser.Parse("GET", uri.AbsolutePath, context.Request.Query));
        context.SetUser(UserInfo.Create("jane", UserInfo.AuthenticatedGroup));
        return (routing, context);
    }

    private static JsonNode Body(HttpContext context) =>
        JsonNode.Parse(((MemoryStream)context.Response.Body).ToArray())!;

    [Fact]
    public async Task A_proxied_request_still_running_after_60_seconds_gets_a_504_timeout_status()
    {
        var (routing, context) = Request("/apis/things.example.com/v1/namespaces/ns1/things/a", TestContext.Current.CancellationToken);

        var running = routing.InvokeAsync(context);
        await _proxy.Entered.Task;
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(running.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await running;

        Assert.Equal(504, context.Response.StatusCode);
        Assert.Equal(("Timeout", 504), (Body(context)["reason"]!.GetValue<string>(), Body(context)["code"]!.GetValue<int>()));
    }

    [Fact]
    public async Task The_discovery_document_of_an_aggregated_version_gets_5_seconds()
    {
        var (routing, context) = Request("/apis/things.example.com/v1", TestContext.Current.CancellationToken);

        var running = routing.InvokeAsync(context);
        await _proxy.Entered.Task;
        _time.Advance(TimeSpan.FromSeconds(5));
        await running;

        Assert.Equal(504, context.Response.StatusCode);
    }

    [Fact]
    public async Task A_watch_has_no_deadline()
    {
        using var client = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var (routing, context) = Request("/apis/things.example.com/v1/namespaces/ns1/things?watch=true", client.Token);

        var running = routing.InvokeAsync(context);
        await _proxy.Entered.Task;
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.False(running.IsCompleted);
        await client.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    /// <summary>Claims every group/version and never answers until cancelled.</summary>
    private sealed class StalledProxy : IApiServiceProxy
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void SetApiServices(IEnumerable<V1APIService> apiServices)
        {
        }

        public bool TryGetApiService(string group, string version, [NotNullWhen(true)] out V1APIService? apiService)
        {
            apiService = new V1APIService();
            return true;
        }

        public async Task ProxyAsync(HttpContext context, UserInfo user, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
