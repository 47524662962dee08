using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Handler.Configuration;
using VmLifecycle.Handler.Nodes;
using VmLifecycle.Handler.Tests.Infrastructure;

namespace VmLifecycle.Handler.Tests.Nodes;

/// <summary>The Node heartbeat on a fake clock.</summary>
public sealed class NodeHeartbeatTests
{
    [Fact]
    public async Task The_heartbeat_is_renewed_every_interval_and_the_node_is_marked_unschedulable_on_shutdown()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
        var nodes = new RecordingNodeMetadataStore();
        using var heartbeat = new NodeHeartbeat(
            nodes,
            Options.Create(new HandlerOptions { NodeName = "node-7" }),
            Options.Create(new NodeHeartbeatOptions { Interval = TimeSpan.FromSeconds(5) }),
            HandlerEndpoint.For(null, "node-7", 8186),
            time,
            NullLogger<NodeHeartbeat>.Instance);

        await heartbeat.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.WaitAsync(() => nodes.Count == 1, TimeSpan.FromSeconds(5), "the first heartbeat");
        Assert.Equal("2026-03-04T05:06:07Z", nodes.Annotations[Annotations.HandlerHeartbeat]);

        time.Advance(TimeSpan.FromSeconds(5));
        await Eventually.WaitAsync(() => nodes.Count == 2, TimeSpan.FromSeconds(5), "the second heartbeat");
        Assert.Equal("2026-03-04T05:06:12Z", nodes.Annotations[Annotations.HandlerHeartbeat]);
        Assert.Equal("https://node-7:8186", nodes.Annotations[Annotations.HandlerEndpoint]);
        Assert.Equal(Labels.HandlerNodeTrue, nodes.Labels[Labels.HandlerNode]);

        await heartbeat.StopAsync(TestContext.Current.CancellationToken);
        Assert.Equal(NodeHeartbeat.HandlerNodeFalse, nodes.Labels[Labels.HandlerNode]);
    }
}
