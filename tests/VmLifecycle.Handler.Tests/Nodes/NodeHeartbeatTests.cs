using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Handler.Configuration;
using VmLifecycle.Handler.Libvirt;
using VmLifecycle.Handler.Nodes;
using VmLifecycle.Handler.Tests.Infrastructure;

namespace VmLifecycle.Handler.Tests.Nodes;

/// <summary>The Node heartbeat on a fake clock, with the real libvirt connection deciding whether the Node is Ready.</summary>
public sealed class NodeHeartbeatTests(LibvirtFixture libvirt)
{
    private static readonly DateTimeOffset _start = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Fact]
    public async Task The_heartbeat_is_renewed_every_interval_and_the_node_is_marked_unschedulable_on_shutdown()
    {
        var time = new FakeTimeProvider(_start);
        var nodes = new RecordingNodeMetadataStore();
        using var heartbeat = Heartbeat("node-7", nodes, new InMemoryNodeStatusStore(), libvirt.Connection, time);

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

    [Fact]
    public async Task With_libvirt_connected_the_node_is_Ready_its_heartbeat_time_moves_and_its_transition_time_stays()
    {
        var time = new FakeTimeProvider(_start);
        var status = NodeWith(new V1NodeCondition { Type = "NetworkUnavailable", Status = "False", Reason = "RouteCreated" });
        using var heartbeat = Heartbeat("node-8", new RecordingNodeMetadataStore(), status, libvirt.Connection, time);

        await heartbeat.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.WaitAsync(() => status.Writes == 1, TimeSpan.FromSeconds(5), "the first Ready condition");
        time.Advance(TimeSpan.FromSeconds(5));
        await Eventually.WaitAsync(() => status.Writes == 2, TimeSpan.FromSeconds(5), "the second Ready condition");
        await heartbeat.StopAsync(TestContext.Current.CancellationToken);

        // Stopping writes once more; the condition before it is the second beat's.
        Assert.Equal(3, status.Writes);
        var conditions = status.Node!.Status.Conditions;
        Assert.Equal(["NetworkUnavailable", "Ready"], conditions.Select(c => c.Type));
        Assert.Equal("RouteCreated", conditions[0].Reason);
        var stopped = conditions[1];
        Assert.Equal("False", stopped.Status);
        Assert.Equal(NodeReadiness.StoppedReason, stopped.Reason);
        Assert.Equal(_start.UtcDateTime.AddSeconds(5), stopped.LastHeartbeatTime);
        Assert.Equal(_start.UtcDateTime.AddSeconds(5), stopped.LastTransitionTime);
    }

    [Fact]
    public async Task Each_beat_with_libvirt_connected_reports_True_and_keeps_the_first_transition_time()
    {
        var time = new FakeTimeProvider(_start);
        var status = NodeWith();
        var reporter = new NodeReadyReporter(status, libvirt.Connection, time, NullLogger<NodeReadyReporter>.Instance);

        await reporter.ReportAsync("node-8", TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(5));
        await reporter.ReportAsync("node-8", TestContext.Current.CancellationToken);

        var ready = status.Ready!;
        Assert.Equal("True", ready.Status);
        Assert.Equal(NodeReadiness.ReadyReason, ready.Reason);
        Assert.Equal(_start.UtcDateTime, ready.LastTransitionTime);
        Assert.Equal(_start.UtcDateTime.AddSeconds(5), ready.LastHeartbeatTime);
    }

    [Fact]
    public async Task When_the_libvirt_connection_is_down_the_node_turns_NotReady_saying_so()
    {
        var time = new FakeTimeProvider(_start);
        var status = NodeWith();
        var connection = libvirt.CreateConnection();
        await connection.ConnectAsync(TestContext.Current.CancellationToken);
        var reporter = new NodeReadyReporter(status, connection, time, NullLogger<NodeReadyReporter>.Instance);
        await reporter.ReportAsync("node-8", TestContext.Current.CancellationToken);
        Assert.Equal("True", status.Ready!.Status);

        connection.Dispose();
        time.Advance(TimeSpan.FromSeconds(5));
        await reporter.ReportAsync("node-8", TestContext.Current.CancellationToken);

        var ready = status.Ready!;
        Assert.Equal("False", ready.Status);
        Assert.Equal(NodeReadiness.NotReadyReason, ready.Reason);
        Assert.Equal($"vm-lifecycle-handler is not ready: libvirt {connection.Uri} is not connected", ready.Message);
        Assert.Equal(_start.UtcDateTime.AddSeconds(5), ready.LastTransitionTime);
    }

    [Fact]
    public async Task A_libvirtd_that_cannot_be_reached_keeps_the_node_NotReady()
    {
        using var unreachable = new LibvirtConnection(
            Options.Create(new LibvirtConnectionOptions { Uri = "qemu+unix:///system?socket=/nonexistent/libvirt-sock" }),
            TestLogging.Factory.CreateLogger<LibvirtConnection>(),
            TimeProvider.System);
        var status = NodeWith();
        var reporter = new NodeReadyReporter(status, unreachable, new FakeTimeProvider(_start), NullLogger<NodeReadyReporter>.Instance);

        await reporter.ReportAsync("node-8", TestContext.Current.CancellationToken);

        Assert.Equal("False", status.Ready!.Status);
        Assert.Contains("/nonexistent/libvirt-sock", status.Ready.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_whose_Ready_condition_is_the_kubelets_is_left_alone()
    {
        var kubelet = new V1NodeCondition { Type = "Ready", Status = "True", Reason = "KubeletReady", Message = "kubelet is posting ready status" };
        var status = NodeWith(kubelet);
        var reporter = new NodeReadyReporter(status, libvirt.Connection, new FakeTimeProvider(_start), NullLogger<NodeReadyReporter>.Instance);

        await reporter.ReportAsync("node-8", TestContext.Current.CancellationToken);
        await reporter.ReportStoppedAsync("node-8", TestContext.Current.CancellationToken);

        Assert.Equal(0, status.Writes);
        Assert.Equal("KubeletReady", status.Ready!.Reason);
    }

    [Fact]
    public async Task A_node_changed_between_read_and_write_is_read_again_and_nothing_else_is_lost()
    {
        var status = new ConflictingOnce(NodeWith());
        var reporter = new NodeReadyReporter(status, libvirt.Connection, new FakeTimeProvider(_start), NullLogger<NodeReadyReporter>.Instance);

        await reporter.ReportAsync("node-8", TestContext.Current.CancellationToken);

        var conditions = status.Inner.Node!.Status.Conditions;
        Assert.Equal(["DiskPressure", "Ready"], conditions.Select(c => c.Type));
        Assert.Equal("True", conditions[1].Status);
    }

    private static NodeHeartbeat Heartbeat(string node, INodeMetadataStore nodes, INodeStatusStore status, LibvirtConnection connection, TimeProvider time) => new(
        nodes,
        new NodeReadyReporter(status, connection, time, NullLogger<NodeReadyReporter>.Instance),
        Options.Create(new HandlerOptions { NodeName = node }),
        Options.Create(new NodeHeartbeatOptions { Interval = TimeSpan.FromSeconds(5) }),
        HandlerEndpoint.For(null, node, 8186),
        time,
        NullLogger<NodeHeartbeat>.Instance);

    private static InMemoryNodeStatusStore NodeWith(params V1NodeCondition[] conditions)
    {
        var store = new InMemoryNodeStatusStore();
        store.Put(new V1Node { Metadata = new V1ObjectMeta { Name = "node-8" }, Status = new V1NodeStatus { Conditions = [.. conditions] } });
        return store;
    }

    /// <summary>Another writer adds a condition right after the handler's first read, so its first write conflicts.</summary>
    private sealed class ConflictingOnce(InMemoryNodeStatusStore inner) : INodeStatusStore
    {
        private bool _changed;

        public InMemoryNodeStatusStore Inner => inner;

        public async Task<V1Node?> GetAsync(string node, CancellationToken cancellationToken)
        {
            var read = await inner.GetAsync(node, cancellationToken);
            if (!_changed && read is not null)
            {
                _changed = true;
                var changed = inner.Node!;
                changed.Status.Conditions = [new V1NodeCondition { Type = "DiskPressure", Status = "False" }];
                inner.Put(changed);
            }

            return read;
        }

        public Task<bool> TryWriteConditionsAsync(string node, string? resourceVersion, IReadOnlyList<V1NodeCondition> conditions, CancellationToken cancellationToken) =>
            inner.TryWriteConditionsAsync(node, resourceVersion, conditions, cancellationToken);
    }
}
