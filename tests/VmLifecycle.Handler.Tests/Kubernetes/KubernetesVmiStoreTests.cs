using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using VmLifecycle.Api.Serialization;
using VmLifecycle.Handler.Kubernetes;
using VmLifecycle.Handler.Tests.Infrastructure;
using VmLifecycle.TestSupport.Networking;

namespace VmLifecycle.Handler.Tests.Kubernetes;

/// <summary>
/// The production store through the real KubernetesClient, against a scripted HTTP endpoint that answers as
/// kube-apiserver does (no cluster exists on these machines): list, watch from the list's resourceVersion, an
/// expired watch (410) that forces a relist, 404 and 409.
/// </summary>
public sealed class KubernetesVmiStoreTests : IAsyncDisposable
{
    private const string Collection = "/apis/kubevirt.io/v1/virtualmachineinstances";
    private readonly WebApplication _server;
    private readonly List<string> _requests = [];
    private int _lists;

    public KubernetesVmiStoreTests()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{FreePorts.Take(1)[0]}");
        _server = builder.Build();
        _server.MapGet(Collection, HandleCollectionAsync);
        _server.MapGet("/apis/kubevirt.io/v1/namespaces/ns/virtualmachineinstances/missing", () => Results.Text(Status(404, "NotFound"), "application/json", statusCode: 404));
        _server.MapPut("/apis/kubevirt.io/v1/namespaces/ns/virtualmachineinstances/a/status", () => Results.Text(Status(409, "Conflict"), "application/json", statusCode: 409));
        _server.MapPut("/apis/kubevirt.io/v1/namespaces/ns/virtualmachineinstances/b/status", () => Results.Text(Vmi("b", "31"), "application/json"));
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_watch_lists_then_follows_changes_and_relists_after_410_Gone()
    {
        await _server.StartAsync(TestContext.Current.CancellationToken);
        using var client = Client();
        var store = new KubernetesVmiStore(client, TimeProvider.System, NullLogger<KubernetesVmiStore>.Instance);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));

        var seen = new List<string>();
        await foreach (var change in store.WatchAsync(timeout.Token))
        {
            seen.Add(change switch
            {
                VmiSnapshot s => "snapshot:" + string.Join(',', s.Items.Select(v => v.Metadata.Name)),
                VmiChange c => $"{c.Type}:{c.Vmi.Metadata.Name}",
                _ => "?",
            });
            if (seen.Count == 3)
            {
                break;
            }
        }

        Assert.Equal(["snapshot:a", "Added:b", "snapshot:b"], seen);
        Assert.Contains(_requests, r => r.Contains("watch=true", StringComparison.Ordinal) && r.Contains("resourceVersion=10", StringComparison.Ordinal) && r.Contains("allowWatchBookmarks=true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_vmi_reads_as_null_and_a_conflicting_status_write_throws_a_conflict()
    {
        await _server.StartAsync(TestContext.Current.CancellationToken);
        using var client = Client();
        var store = new KubernetesVmiStore(client, TimeProvider.System, NullLogger<KubernetesVmiStore>.Instance);
        var vmi = TestGuest.Vmi("ns", "a", "node");

        Assert.Null(await store.GetAsync("ns", "missing", TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<VmiConflictException>(() => store.UpdateStatusAsync(vmi, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_resource_version_of_its_own_last_write_is_known_as_its_own()
    {
        await _server.StartAsync(TestContext.Current.CancellationToken);
        using var client = Client();
        var store = new KubernetesVmiStore(client, TimeProvider.System, NullLogger<KubernetesVmiStore>.Instance);
        var vmi = TestGuest.Vmi("ns", "b", "node");
        vmi.Metadata.ResourceVersion = "30";

        Assert.False(store.IsOwnWrite("ns", "b", "31"));
        var written = await store.UpdateStatusAsync(vmi, TestContext.Current.CancellationToken);

        Assert.Equal("31", written.Metadata.ResourceVersion);
        Assert.True(store.IsOwnWrite("ns", "b", "31"));
        Assert.False(store.IsOwnWrite("ns", "b", "30"));
        Assert.False(store.IsOwnWrite("ns", "a", "31"));
    }

    [Fact]
    public async Task Its_own_writes_are_kept_as_recent_copies_until_a_list_no_longer_has_them()
    {
        await _server.StartAsync(TestContext.Current.CancellationToken);
        using var client = Client();
        var store = new KubernetesVmiStore(client, TimeProvider.System, NullLogger<KubernetesVmiStore>.Instance);
        var vmi = TestGuest.Vmi("ns", "b", "node");
        vmi.Metadata.ResourceVersion = "30";
        Assert.Null(store.GetRecent("ns", "b"));

        await store.UpdateStatusAsync(vmi, TestContext.Current.CancellationToken);
        Assert.Equal("31", store.GetRecent("ns", "b")?.Metadata.ResourceVersion);
        Assert.Null(store.GetRecent("ns", "a"));

        // The scripted watch starts with a list of "a" only: "b" is gone.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        await using var changes = store.WatchAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await changes.MoveNextAsync());
        Assert.IsType<VmiSnapshot>(changes.Current);
        Assert.Null(store.GetRecent("ns", "b"));
        Assert.Null(store.GetRecent("ns", "a"));
    }

    private async Task HandleCollectionAsync(HttpContext context)
    {
        var query = context.Request.QueryString.Value ?? "";
        lock (_requests)
        {
            _requests.Add(query);
        }

        context.Response.ContentType = "application/json";
        if (context.Request.Query["watch"] != "true")
        {
            var first = Interlocked.Increment(ref _lists) == 1;
            await context.Response.WriteAsync($$"""{"apiVersion":"kubevirt.io/v1","kind":"VirtualMachineInstanceList","metadata":{"resourceVersion":"{{(first ? "10" : "20")}}"},"items":[{{Vmi(first ? "a" : "b", first ? "9" : "19")}}]}""");
            return;
        }

        if (context.Request.Query["resourceVersion"] == "10")
        {
            await context.Response.WriteAsync($$"""{"type":"ADDED","object":{{Vmi("b", "11")}}}""" + "\n");
            await context.Response.WriteAsync($$"""{"type":"ERROR","object":{{Status(410, "Expired")}}}""" + "\n");
            return;
        }

        await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private static string Vmi(string name, string resourceVersion)
    {
        var vmi = TestGuest.Vmi("ns", name, "node");
        vmi.Metadata.ResourceVersion = resourceVersion;
        return ApiJson.Serialize(vmi);
    }

    private static string Status(int code, string reason) =>
        $$"""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"scripted","reason":"{{reason}}","code":{{code}}}""";

    private k8s.Kubernetes Client() => new k8s.Kubernetes(new KubernetesClientConfiguration { Host = _server.Urls.First() });
}
