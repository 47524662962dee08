using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Handler.Configuration;
using VmLifecycle.Handler.Nodes;
using VmLifecycle.Handler.Tests.Infrastructure;

namespace VmLifecycle.Handler.Tests.Nodes;

/// <summary>
/// The heartbeat as the handler runs it (KubernetesClient, the real libvirt connection) against the local cluster, as
/// the handler's ServiceAccount with the chart's ClusterRole, seen through the real <c>kubectl get nodes</c>.
/// </summary>
[Collection(nameof(SharedLocalCluster))]
public sealed class NodeReadyOnLocalClusterTests(LocalClusterFixture cluster, LibvirtFixture libvirt)
{
    private const string ReadyJsonPath = "{.status.conditions[?(@.type==\"Ready\")]";

    [Fact]
    public async Task Kubectl_get_nodes_shows_the_handlers_node_Ready_and_NotReady_after_a_clean_shutdown()
    {
        var node = UniqueNode();
        using var client = cluster.HandlerClient();
        using var heartbeat = Heartbeat(client, node);

        await heartbeat.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.WaitAsync(() => StatusColumnAsync(node), status => status == "Ready", TimeSpan.FromSeconds(60), $"kubectl get node {node} to show Ready");
        Assert.Equal(NodeReadiness.ReadyReason, await ReadyFieldAsync(node, "reason"));
        Assert.Equal(NodeReadiness.Posting.Message, await ReadyFieldAsync(node, "message"));
        Assert.Equal($"https://{node}:8186", await JsonPathAsync(node, "{.metadata.annotations.vm-lifecycle\\.kubevirt\\.io/handler-endpoint}"));
        Assert.NotEmpty(await JsonPathAsync(node, "{.metadata.annotations.vm-lifecycle\\.kubevirt\\.io/handler-heartbeat}"));

        // Later beats renew lastHeartbeatTime and keep lastTransitionTime.
        var transition = await ReadyFieldAsync(node, "lastTransitionTime");
        var firstBeat = await ReadyFieldAsync(node, "lastHeartbeatTime");
        await Eventually.WaitAsync(async () => (string?)await ReadyFieldAsync(node, "lastHeartbeatTime"), beat => beat != firstBeat, TimeSpan.FromSeconds(60), "a later heartbeat");
        Assert.Equal(transition, await ReadyFieldAsync(node, "lastTransitionTime"));

        await heartbeat.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal("NotReady", await StatusColumnAsync(node));
        Assert.Equal(NodeReadiness.StoppedReason, await ReadyFieldAsync(node, "reason"));
        Assert.Equal(NodeHeartbeat.HandlerNodeFalse, await JsonPathAsync(node, "{.metadata.labels.vm-lifecycle\\.kubevirt\\.io/handler-node}"));
    }

    [Fact]
    public async Task Conditions_status_fields_and_labels_written_by_others_survive_the_handlers_heartbeat()
    {
        var node = UniqueNode();
        var manifest = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Node",
            ["metadata"] = new JsonObject { ["name"] = node, ["labels"] = new JsonObject { ["topology.kubernetes.io/zone"] = "zone-a" } },
        };
        await cluster.KubectlAsync(manifest.ToJsonString(), "create", "-f", "-");
        await cluster.KubectlAsync(
            null,
            "patch", "node", node, "--subresource=status", "--type=merge",
            "-p", """{"status":{"capacity":{"cpu":"2"},"conditions":[{"type":"NetworkUnavailable","status":"False","reason":"RouteCreated","message":"routes created"}]}}""");
        using var client = cluster.HandlerClient();
        using var heartbeat = Heartbeat(client, node);

        await heartbeat.BeatAsync(TestContext.Current.CancellationToken);

        Assert.Equal("Ready", await StatusColumnAsync(node));
        Assert.Equal("NetworkUnavailable Ready", await JsonPathAsync(node, "{.status.conditions[*].type}"));
        Assert.Equal("RouteCreated", await JsonPathAsync(node, "{.status.conditions[?(@.type==\"NetworkUnavailable\")].reason}"));
        Assert.Equal("2", await JsonPathAsync(node, "{.status.capacity.cpu}"));
        Assert.Equal("zone-a", await JsonPathAsync(node, "{.metadata.labels.topology\\.kubernetes\\.io/zone}"));
        Assert.Equal(Labels.HandlerNodeTrue, await JsonPathAsync(node, "{.metadata.labels.vm-lifecycle\\.kubevirt\\.io/handler-node}"));
    }

    [Fact]
    public async Task A_condition_write_computed_from_an_older_node_is_refused_as_a_conflict_and_changes_nothing()
    {
        var node = UniqueNode();
        using var client = cluster.HandlerClient();
        using var heartbeat = Heartbeat(client, node);
        await heartbeat.BeatAsync(TestContext.Current.CancellationToken);
        var store = new KubernetesNodeStatusStore(client);
        var read = (await store.GetAsync(node, TestContext.Current.CancellationToken))!;
        await cluster.KubectlAsync(null, "label", "node", node, "changed-meanwhile=true");
        var stale = NodeReadyCondition.Next(NodeReadyCondition.Find(read), NodeReadiness.Stopped, DateTimeOffset.UtcNow);

        var written = await store.TryWriteConditionsAsync(node, read.Metadata.ResourceVersion, NodeReadyCondition.WithReady(read.Status.Conditions, stale), TestContext.Current.CancellationToken);

        Assert.False(written);
        Assert.Equal("Ready", await StatusColumnAsync(node));
        Assert.Null(await store.GetAsync("no-such-node-" + Guid.NewGuid().ToString("N")[..6], TestContext.Current.CancellationToken));
    }

    private string UniqueNode() => $"{libvirt.Node}-ready-{Guid.NewGuid().ToString("N")[..6]}";

    private NodeHeartbeat Heartbeat(k8s.Kubernetes client, string node) => new(
        new KubernetesNodeMetadataStore(client),
        new NodeReadyReporter(new KubernetesNodeStatusStore(client), libvirt.Connection, TimeProvider.System, TestLogging.Factory.CreateLogger<NodeReadyReporter>()),
        Options.Create(new HandlerOptions { NodeName = node }),
        Options.Create(new NodeHeartbeatOptions { Interval = TimeSpan.FromSeconds(1) }),
        HandlerEndpoint.For(null, node, 8186),
        TimeProvider.System,
        TestLogging.Factory.CreateLogger<NodeHeartbeat>());

    /// <summary>The STATUS column of <c>kubectl get node</c> (NAME STATUS AGE), as kube-apiserver's node table prints it.</summary>
    private async Task<string?> StatusColumnAsync(string node)
    {
        var row = (await cluster.KubectlAsync(null, "get", "node", node, "--no-headers")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(node, row[0]);
        return row[1];
    }

    private Task<string> ReadyFieldAsync(string node, string field) => JsonPathAsync(node, $"{ReadyJsonPath}.{field}}}");

    private async Task<string> JsonPathAsync(string node, string jsonPath) =>
        (await cluster.KubectlAsync(null, "get", "node", node, "-o", $"jsonpath={jsonPath}")).Trim();
}
