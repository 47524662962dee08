using System.Net;
using System.Net.WebSockets;
using System.Text;
using VmLifecycle.LocalCluster.Security;

namespace VmLifecycle.LocalCluster.Tests.Aggregation;

public sealed class ApiServiceProxyTests : IAsyncLifetime
{
    private AggregationTestRig _rig = null!;
    private readonly HttpClient _client = new();

    public async ValueTask InitializeAsync()
    {
        _rig = await AggregationTestRig.StartAsync();
        await _rig.Monitor.CheckAllAsync(TestContext.Current.CancellationToken);
    }

    private Uri Front(string pathAndQuery) => new($"{_rig.FrontUrl}{pathAndQuery}");

    private static string Path(string rest) => $"/apis/{AggregationTestRig.Group}/{AggregationTestRig.Version}{rest}";

    [Fact]
    public async Task A_request_reaches_the_backend_with_path_and_query_as_sent()
    {
        using var response = await _client.GetAsync(Front(Path("/namespaces/default/things/vm?labelSelector=a%3Db&watch=false")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = _rig.Backend.Requests.Last();
        Assert.Equal(("GET", Path("/namespaces/default/things/vm"), "?labelSelector=a%3Db&watch=false"), (seen.Method, seen.Path, seen.Query));
    }

    [Fact]
    public async Task The_backend_sees_the_front_proxy_certificate_and_the_callers_identity_in_remote_headers()
    {
        _rig.User = new UserInfo("jane", ["devs", UserInfo.AuthenticatedGroup], new Dictionary<string, IReadOnlyList<string>> { ["acme.com/scopes"] = ["read", "write"] })
        {
            Uid = "uid-7",
        };

        using var response = await _client.GetAsync(Front(Path("/namespaces/default/things/vm")), TestContext.Current.CancellationToken);

        var seen = _rig.Backend.Requests.Last();
        Assert.Equal("CN=front-proxy-client", seen.ClientCertificateSubject);
        Assert.Equal(["jane"], seen.Headers["X-Remote-User"]);
        Assert.Equal(["uid-7"], seen.Headers["X-Remote-Uid"]);
        Assert.Equal(["devs", UserInfo.AuthenticatedGroup], seen.Headers["X-Remote-Group"]);
        Assert.Equal(["read", "write"], seen.Headers["X-Remote-Extra-acme.com%2Fscopes"]);
    }

    [Fact]
    public async Task Caller_supplied_credentials_impersonation_and_remote_headers_are_stripped()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Front(Path("/namespaces/default/things/vm")));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer secret");
        request.Headers.TryAddWithoutValidation("X-Remote-User", "system:admin");
        request.Headers.TryAddWithoutValidation("X-Remote-Group", "system:masters");
        request.Headers.TryAddWithoutValidation("X-Remote-Extra-Scopes", "all");
        request.Headers.TryAddWithoutValidation("Impersonate-User", "bob");
        request.Headers.TryAddWithoutValidation("X-Custom", "kept");

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        var seen = _rig.Backend.Requests.Last();
        Assert.Equal(["jane"], seen.Headers["X-Remote-User"]);
        Assert.Equal(["devs", UserInfo.AuthenticatedGroup], seen.Headers["X-Remote-Group"]);
        Assert.False(seen.Headers.ContainsKey("X-Remote-Extra-Scopes"));
        Assert.False(seen.Headers.ContainsKey("Authorization"));
        Assert.False(seen.Headers.ContainsKey("Impersonate-User"));
        Assert.Equal(["kept"], seen.Headers["X-Custom"]);
    }

    [Fact]
    public async Task A_posted_body_is_forwarded_and_the_backends_status_headers_and_body_come_back()
    {
        using var content = new StringContent("{\"spec\":{}}", Encoding.UTF8, "application/json");

        using var response = await _client.PostAsync(Front(Path("/namespaces/default/things/vm")), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["one", "two"], response.Headers.GetValues("X-Backend"));
        Assert.Equal("{\"echo\":\"{\\u0022spec\\u0022:{}}\"}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("{\"spec\":{}}", _rig.Backend.Requests.Last().Body);
    }

    [Fact]
    public async Task A_streamed_response_reaches_the_caller_before_the_backend_has_finished()
    {
        using var response = await _client.GetAsync(Front(Path("/stream")), HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));

        var first = await reader.ReadLineAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        _rig.Backend.SecondChunk.SetResult();
        var second = await reader.ReadLineAsync(TestContext.Current.CancellationToken);

        Assert.Equal("{\"type\":\"ADDED\"}", first);
        Assert.Equal("{\"type\":\"MODIFIED\"}", second);
    }

    [Fact]
    public async Task A_websocket_upgrade_is_spliced_through_to_the_backend()
    {
        using var socket = new ClientWebSocket();
        var url = new Uri(Front(Path("/namespaces/default/things/vm/console")).ToString().Replace("http://", "ws://", StringComparison.Ordinal));

        await socket.ConnectAsync(url, TestContext.Current.CancellationToken);
        await socket.SendAsync("hello"u8.ToArray(), WebSocketMessageType.Binary, true, TestContext.Current.CancellationToken);
        var buffer = new byte[64];
        var received = await socket.ReceiveAsync(buffer, TestContext.Current.CancellationToken);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", TestContext.Current.CancellationToken);

        Assert.Equal("hello", Encoding.UTF8.GetString(buffer, 0, received.Count));
        Assert.Equal(["jane"], _rig.Backend.Requests.Last().Headers["X-Remote-User"]);
    }

    [Fact]
    public async Task Requests_in_a_row_share_one_kept_alive_backend_connection()
    {
        var token = TestContext.Current.CancellationToken;
        using var first = await _client.GetAsync(Front(Path("/namespaces/default/things/a")), token);
        using var content = new StringContent("{\"n\":2}", Encoding.UTF8, "application/json");
        using var second = await _client.PutAsync(Front(Path("/namespaces/default/things/b")), content, token);
        using var third = await _client.GetAsync(Front(Path("/namespaces/default/things/c")), token);

        Assert.Equal("{\"echo\":\"\"}", await first.Content.ReadAsStringAsync(token));
        Assert.Equal("{\"echo\":\"{\\u0022n\\u0022:2}\"}", await second.Content.ReadAsStringAsync(token));
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        var seen = _rig.Backend.Requests.Where(r => r.Path.StartsWith(Path("/namespaces/default/things/"), StringComparison.Ordinal)).ToList();
        Assert.Equal(3, seen.Count);
        Assert.Single(seen.Select(r => r.ConnectionId).Distinct());
    }

    [Fact]
    public async Task A_backend_connection_closed_while_idle_is_replaced_without_failing_the_next_request()
    {
        var token = TestContext.Current.CancellationToken;
        using (var first = await _client.GetAsync(Front(Path("/namespaces/default/things/a")), token))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var used = _rig.Backend.Requests.Last().ConnectionId;
        _rig.Backend.Connections[used].Abort();
        while (_rig.Backend.Connections.ContainsKey(used))
        {
            await Task.Delay(10, token);
        }

        using var content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var second = await _client.PutAsync(Front(Path("/namespaces/default/things/b")), content, token);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(used, _rig.Backend.Requests.Last().ConnectionId);
    }

    [Theory]
    [InlineData("GET", 2)]
    [InlineData("PUT", 1)]
    public async Task A_request_unanswered_on_a_kept_alive_connection_is_sent_again_only_when_it_may_run_twice(string method, int expectedAttempts)
    {
        var token = TestContext.Current.CancellationToken;
        using (var warm = await _client.GetAsync(Front(Path("/namespaces/default/things/a")), token))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), Front(Path("/namespaces/default/things/b/drop")));
        if (method == "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await _client.SendAsync(request, token);

        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal(expectedAttempts, _rig.Backend.Requests.Count(r => r.Path.EndsWith("/things/b/drop", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_connection_the_backend_closes_after_its_answer_is_not_reused()
    {
        var token = TestContext.Current.CancellationToken;
        using (var last = await _client.GetAsync(Front(Path("/namespaces/default/things/a/last")), token))
        {
            Assert.Equal("{\"last\":true}", await last.Content.ReadAsStringAsync(token));
        }

        var closed = _rig.Backend.Requests.Last().ConnectionId;
        using var next = await _client.GetAsync(Front(Path("/namespaces/default/things/b")), token);

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.NotEqual(closed, _rig.Backend.Requests.Last().ConnectionId);
    }

    [Fact]
    public void Only_apiservices_with_a_service_are_proxied()
    {
        var local = AggregationTestRig.ApiService("");
        local.Metadata.Name = "v1.local.io";
        local.Spec.Group = "local.io";
        local.Spec.Service = null;
        _rig.Proxy.SetApiServices([AggregationTestRig.ApiService(_rig.ServingCa.Pem), local]);

        Assert.True(_rig.Proxy.TryGetApiService(AggregationTestRig.Group, AggregationTestRig.Version, out _));
        Assert.False(_rig.Proxy.TryGetApiService("local.io", "v1", out _));
        Assert.False(_rig.Proxy.TryGetApiService("other.io", "v1", out _));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _rig.DisposeAsync();
    }
}
