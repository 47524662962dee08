using System.Text.Json.Nodes;
using k8s.Models;
using VmLifecycle.LocalCluster.Tests.Infrastructure;

namespace VmLifecycle.LocalCluster.Tests.Watch;

[Collection(SharedCluster.Name)]
public sealed class WatchTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Client_Watch_Sees_Existing_Objects_Then_Changes_Then_Deletion()
    {
        var ns = await fixture.CreateNamespaceAsync("watch");
        using var client = fixture.CreateClient();
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "before" } }, ns, cancellationToken: TestContext.Current.CancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        stop.CancelAfter(TimeSpan.FromSeconds(20));
        var seen = new List<string>();

        var watching = Task.Run(async () =>
        {
            await foreach (var (type, item) in client.CoreV1.WatchListNamespacedConfigMapAsync(ns, cancellationToken: stop.Token))
            {
                seen.Add($"{type} {item.Metadata.Name}");
                if (type == WatchEventType.Deleted)
                {
                    break;
                }
            }
        }, stop.Token);
        await Eventually.ValueAsync(() => Task.FromResult(seen.Count), count => count >= 1);
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "after" } }, ns, cancellationToken: stop.Token);
        await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"x":"y"}}""", V1Patch.PatchType.MergePatch), "after", ns, cancellationToken: stop.Token);
        await client.CoreV1.DeleteNamespacedConfigMapAsync("after", ns, cancellationToken: stop.Token);
        await watching;

        Assert.Equal(["Added before", "Added after", "Modified after", "Deleted after"], seen);
    }

    [Fact]
    public async Task Watch_From_A_ResourceVersion_Replays_Only_Later_Changes()
    {
        var ns = await fixture.CreateNamespaceAsync("resume");
        using var client = fixture.CreateClient();
        var first = await Widgets.CreateAsync(client, ns, Widgets.New("old"));
        await Widgets.CreateAsync(client, ns, Widgets.New("new"));

        var output = await fixture.Kubectl.SucceedAsync("get", "--raw",
            $"/apis/{Widgets.Group}/{Widgets.Version}/namespaces/{ns}/widgets?watch=true&resourceVersion={first["metadata"]!["resourceVersion"]}&timeoutSeconds=1");
        var events = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();

        var only = Assert.Single(events);
        Assert.Equal("ADDED", only["type"]!.GetValue<string>());
        Assert.Equal("new", only["object"]!["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Watch_With_A_Compacted_ResourceVersion_Gets_410_Expired()
    {
        await using var cluster = await RunningCluster.StartAsync(extraArguments: ["--watch-history-size", "5"], cancellationToken: TestContext.Current.CancellationToken);
        for (var i = 0; i < 10; i++)
        {
            await cluster.Kubectl.SucceedAsync("create", "configmap", $"churn-{i}", "-n", "default");
        }

        var output = await cluster.Kubectl.SucceedAsync("get", "--raw", "/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=2&timeoutSeconds=1");
        var error = JsonNode.Parse(output.Trim())!;

        Assert.Equal("ERROR", error["type"]!.GetValue<string>());
        Assert.Equal(410, error["object"]!["code"]!.GetValue<int>());
        Assert.Equal("Expired", error["object"]!["reason"]!.GetValue<string>());
        Assert.StartsWith("too old resource version: 2 (", error["object"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Label_Selector_Watch_Reports_An_Object_Leaving_The_Selection_As_Deleted()
    {
        var ns = await fixture.CreateNamespaceAsync("selwatch");
        using var client = fixture.CreateClient();
        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "tagged", Labels = new Dictionary<string, string> { ["team"] = "a" } } }, ns, cancellationToken: TestContext.Current.CancellationToken);
        await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"labels":{"team":"b"}}}""", V1Patch.PatchType.MergePatch), "tagged", ns, cancellationToken: TestContext.Current.CancellationToken);

        var output = await fixture.Kubectl.SucceedAsync("get", "--raw",
            $"/api/v1/namespaces/{ns}/configmaps?watch=true&labelSelector=team%3Da&resourceVersion={created.Metadata.ResourceVersion}&timeoutSeconds=1");

        var only = JsonNode.Parse(output.Trim())!;
        Assert.Equal("DELETED", only["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bookmarks_Mark_The_End_Of_Initial_Events()
    {
        var ns = await fixture.CreateNamespaceAsync("bookmark");
        await fixture.Kubectl.SucceedAsync("create", "configmap", "one", "-n", ns);

        var output = await fixture.Kubectl.SucceedAsync("get", "--raw",
            $"/api/v1/namespaces/{ns}/configmaps?watch=true&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan&timeoutSeconds=1");
        var events = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();

        Assert.Equal(["ADDED", "BOOKMARK"], events.Select(e => e["type"]!.GetValue<string>()));
        Assert.Equal("true", events[1]["object"]!["metadata"]!["annotations"]!["k8s.io/initial-events-end"]!.GetValue<string>());
    }

    [Fact]
    public async Task Kubectl_Get_Watch_Prints_New_Rows()
    {
        var ns = await fixture.CreateNamespaceAsync("kwatch");
        await fixture.Kubectl.ApplyAsync(Widgets.Yaml("first", ns));

        var watching = fixture.Kubectl.RunAsync(["get", "widgets", "-n", ns, "-w", "--request-timeout=3s"], null, TestContext.Current.CancellationToken);
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        await fixture.Kubectl.ApplyAsync(Widgets.Yaml("second", ns, mode: "Slow"));
        var result = await watching;

        Assert.Matches(@"NAME\s+MODE\s+READY\s+AGE", result.Output);
        Assert.Matches(@"first\s+Fast", result.Output);
        Assert.Matches(@"second\s+Slow", result.Output);
    }

    [Fact]
    public async Task Watch_Allowing_Bookmarks_Receives_Periodic_Bookmarks()
    {
        await using var cluster = await RunningCluster.StartAsync(extraArguments: ["--LocalCluster:BookmarkInterval=00:00:00.2"], cancellationToken: TestContext.Current.CancellationToken);
        await cluster.Kubectl.SucceedAsync("create", "configmap", "quiet", "-n", "default");

        var output = await cluster.Kubectl.SucceedAsync("get", "--raw", "/api/v1/namespaces/default/configmaps?watch=true&allowWatchBookmarks=true&timeoutSeconds=1");
        var types = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!["type"]!.GetValue<string>()).ToList();

        Assert.Equal("ADDED", types[0]);
        Assert.True(types.Count(t => t == "BOOKMARK") >= 2, string.Join(",", types));
    }

    [Fact]
    public async Task Client_Custom_Object_Watch_Sees_Status_Updates()
    {
        var ns = await fixture.CreateNamespaceAsync("crwatch");
        using var client = fixture.CreateClient();
        var created = await Widgets.CreateAsync(client, ns, Widgets.New("watched"));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        stop.CancelAfter(TimeSpan.FromSeconds(20));
        var phases = new List<string>();

        var watching = Task.Run(async () =>
        {
            await foreach (var (type, item) in client.CustomObjects.WatchListNamespacedCustomObjectAsync(
                Widgets.Group, Widgets.Version, ns, Widgets.Plural, resourceVersion: created["metadata"]!["resourceVersion"]!.GetValue<string>(), cancellationToken: stop.Token))
            {
                var phase = Widgets.Parse(item)["status"]?["phase"]?.GetValue<string>() ?? "";
                phases.Add($"{type} {phase}");
                if (phase == "Done")
                {
                    break;
                }
            }
        }, stop.Token);
        foreach (var phase in new[] { "Running", "Done" })
        {
            await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(new V1Patch($$$"""{"status":{"phase":"{{{phase}}}"}}""", V1Patch.PatchType.MergePatch),
                Widgets.Group, Widgets.Version, ns, Widgets.Plural, "watched", cancellationToken: stop.Token);
        }

        await watching;

        Assert.Equal(["Modified Running", "Modified Done"], phases);
    }
}
