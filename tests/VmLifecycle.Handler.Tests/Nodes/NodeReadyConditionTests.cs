using k8s.Models;
using VmLifecycle.Handler.Nodes;

namespace VmLifecycle.Handler.Tests.Nodes;

/// <summary>The Node's Ready condition as a kubelet keeps it.</summary>
public sealed class NodeReadyConditionTests
{
    private static readonly DateTimeOffset _t0 = new(2026, 3, 4, 5, 6, 7, 250, TimeSpan.Zero);
    private static readonly DateTime _t0Seconds = new(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);

    [Fact]
    public void A_ready_handler_reports_True_with_its_reason_and_message_at_whole_seconds()
    {
        var ready = NodeReadyCondition.Next(null, NodeReadiness.Posting, _t0);

        Assert.Equal("Ready", ready.Type);
        Assert.Equal("True", ready.Status);
        Assert.Equal("VmLifecycleHandlerReady", ready.Reason);
        Assert.Equal("vm-lifecycle-handler is posting ready status", ready.Message);
        Assert.Equal(_t0Seconds, ready.LastHeartbeatTime);
        Assert.Equal(_t0Seconds, ready.LastTransitionTime);
    }

    [Fact]
    public void A_handler_without_libvirt_reports_False_saying_which_connection_is_down()
    {
        var ready = NodeReadyCondition.Next(null, NodeReadiness.LibvirtNotConnected("qemu:///system"), _t0);

        Assert.Equal("False", ready.Status);
        Assert.Equal("VmLifecycleHandlerNotReady", ready.Reason);
        Assert.Equal("vm-lifecycle-handler is not ready: libvirt qemu:///system is not connected", ready.Message);
    }

    [Fact]
    public void The_transition_time_is_kept_while_the_status_stays_and_the_heartbeat_time_moves()
    {
        var first = NodeReadyCondition.Next(null, NodeReadiness.Posting, _t0);

        var again = NodeReadyCondition.Next(first, NodeReadiness.Posting, _t0.AddSeconds(5));

        Assert.Equal(_t0Seconds, again.LastTransitionTime);
        Assert.Equal(_t0Seconds.AddSeconds(5), again.LastHeartbeatTime);
    }

    [Fact]
    public void The_transition_time_moves_when_the_status_changes_but_not_when_only_the_reason_does()
    {
        var ready = NodeReadyCondition.Next(null, NodeReadiness.Posting, _t0);
        var down = NodeReadyCondition.Next(ready, NodeReadiness.LibvirtNotConnected("qemu:///system"), _t0.AddSeconds(5));
        var stopped = NodeReadyCondition.Next(down, NodeReadiness.Stopped, _t0.AddSeconds(10));

        Assert.Equal(_t0Seconds.AddSeconds(5), down.LastTransitionTime);
        Assert.Equal(_t0Seconds.AddSeconds(5), stopped.LastTransitionTime);
        Assert.Equal("VmLifecycleHandlerStopped", stopped.Reason);
        Assert.Equal("False", stopped.Status);
    }

    [Fact]
    public void Other_conditions_are_kept_in_their_order_and_a_missing_Ready_is_appended()
    {
        var network = new V1NodeCondition { Type = "NetworkUnavailable", Status = "False", Reason = "RouteCreated" };
        var memory = new V1NodeCondition { Type = "MemoryPressure", Status = "False" };
        var ready = NodeReadyCondition.Next(null, NodeReadiness.Posting, _t0);

        var appended = NodeReadyCondition.WithReady([network], ready);
        var replaced = NodeReadyCondition.WithReady([network, new V1NodeCondition { Type = "Ready", Status = "Unknown" }, memory], ready);

        Assert.Equal(["NetworkUnavailable", "Ready"], appended.Select(c => c.Type));
        Assert.Equal(["NetworkUnavailable", "Ready", "MemoryPressure"], replaced.Select(c => c.Type));
        Assert.Same(ready, replaced[1]);
        Assert.Same(network, replaced[0]);
    }

    [Fact]
    public void A_node_with_a_kubelet_keeps_its_Ready_condition_to_the_kubelet()
    {
        var registered = new V1Node { Metadata = new V1ObjectMeta { Name = "n" }, Status = new V1NodeStatus { NodeInfo = new V1NodeSystemInfo { KubeletVersion = "v1.34.1" } } };
        var kubeletReady = new V1Node
        {
            Metadata = new V1ObjectMeta { Name = "n" },
            Status = new V1NodeStatus { Conditions = [new V1NodeCondition { Type = "Ready", Status = "True", Reason = "KubeletReady" }] },
        };
        var ours = new V1Node
        {
            Metadata = new V1ObjectMeta { Name = "n" },
            Status = new V1NodeStatus { Conditions = [NodeReadyCondition.Next(null, NodeReadiness.Stopped, _t0)] },
        };

        Assert.False(NodeReadyCondition.IsOwnedByHandler(registered));
        Assert.False(NodeReadyCondition.IsOwnedByHandler(kubeletReady));
        Assert.True(NodeReadyCondition.IsOwnedByHandler(ours));
        Assert.True(NodeReadyCondition.IsOwnedByHandler(new V1Node { Metadata = new V1ObjectMeta { Name = "n" } }));
    }
}
