using VmLifecycle.Aggregator.Controllers;
using VmLifecycle.Aggregator.Observability;
using VmLifecycle.Aggregator.Tests.TestSupport;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;

namespace VmLifecycle.Aggregator.Tests.Controllers;

/// <summary>The VMI controller against the local cluster: scheduling to live handlers, refusals with a reason, failed nodes.</summary>
public sealed class VirtualMachineInstanceSchedulingTests
{
    [Fact]
    public async Task A_pending_vmi_is_scheduled_to_the_node_whose_handler_heartbeat_is_fresh()
    {
        await using var environment = await ControllerEnvironment.StartAsync();
        var cluster = environment.Driver;
        await cluster.CreateNodeAsync("stale-node", TimeSpan.FromMinutes(5));
        await cluster.CreateNodeAsync("fresh-node", TimeSpan.Zero);
        await environment.WaitForNodesAsync("stale-node", "fresh-node");

        await cluster.CreateVmiAsync("testvmi");

        var vmi = await Eventually.ValueAsync(() => cluster.GetVmiAsync("testvmi"), v => v?.Status?.Phase == VirtualMachineInstancePhase.Scheduled, "the VMI to be Scheduled");
        Assert.Equal("fresh-node", vmi!.Status!.NodeName);
        Assert.True(vmi.HasCondition(ConditionTypes.PodScheduled, ConditionStatus.True));
        var reasons = await Eventually.ValueAsync(
            () => Task.FromResult(environment.Aggregator.Events.Events.Where(e => e.InvolvedName == "testvmi").ToList()), events => events.Count >= 2, "the scheduling events");
        Assert.Equal([ControllerMessages.Scheduling, ControllerMessages.Scheduled], reasons.Select(e => e.Reason).ToList());
        Assert.Equal("Successfully assigned default/testvmi to fresh-node", reasons[1].Message);
    }

    [Fact]
    public async Task A_vmi_whose_node_selector_matches_no_node_stays_pending_with_the_reason_until_a_node_matches()
    {
        await using var environment = await ControllerEnvironment.StartAsync();
        var cluster = environment.Driver;
        await cluster.CreateNodeAsync("node-1", TimeSpan.Zero);
        await environment.WaitForNodesAsync("node-1");

        await cluster.CreateVmiAsync("picky", new Dictionary<string, string> { ["disk"] = "ssd" });

        var pending = await Eventually.ValueAsync(
            () => cluster.GetVmiAsync("picky"), v => v.Condition(ConditionTypes.PodScheduled) is not null, "the VMI to be refused");
        Assert.Equal(VirtualMachineInstancePhase.Pending, pending!.Status!.Phase);
        var condition = pending.Condition(ConditionTypes.PodScheduled)!;
        Assert.Equal((ConditionStatus.False, ConditionReasons.Unschedulable), (condition.Status, condition.Reason));
        Assert.Equal("0/1 nodes are available: 1 node(s) didn't match the VirtualMachineInstance's node selector.", condition.Message);
        await Eventually.UntilAsync(
            () => environment.Aggregator.Events.Events.Any(e => e.Reason == ControllerMessages.FailedScheduling && e.Message == condition.Message && e.Type == LifecycleEventTypes.Warning), "a FailedScheduling event");

        await cluster.LabelNodeAsync("node-1", "disk", "ssd");

        var scheduled = await Eventually.ValueAsync(() => cluster.GetVmiAsync("picky"), v => v?.Status?.Phase == VirtualMachineInstancePhase.Scheduled, "the VMI to be Scheduled");
        Assert.Equal("node-1", scheduled!.Status!.NodeName);
        Assert.True(scheduled.HasCondition(ConditionTypes.PodScheduled, ConditionStatus.True));
    }

    [Fact]
    public async Task Without_a_live_handler_a_vmi_is_refused_with_the_reason()
    {
        await using var environment = await ControllerEnvironment.StartAsync();
        var cluster = environment.Driver;
        await cluster.CreateNodeAsync("old-node", TimeSpan.FromMinutes(10));
        await cluster.CreateNodeAsync("no-handler", TimeSpan.Zero, handler: false);
        await environment.WaitForNodesAsync("old-node", "no-handler");

        await cluster.CreateVmiAsync("lonely");

        var pending = await Eventually.ValueAsync(
            () => cluster.GetVmiAsync("lonely"), v => v.Condition(ConditionTypes.PodScheduled) is not null, "the VMI to be refused");
        Assert.Equal(
            "0/2 nodes are available: 1 node(s) had a stale handler heartbeat, 1 node(s) had no running VM handler.",
            pending.Condition(ConditionTypes.PodScheduled)!.Message);
        Assert.Null(pending!.Status!.NodeName);
    }

    [Fact]
    public async Task The_vmis_of_a_node_whose_handler_stopped_heartbeating_are_marked_failed_after_the_timeout()
    {
        await using var environment = await ControllerEnvironment.StartAsync();
        var cluster = environment.Driver;
        await using var healthy = await HandlerDouble.StartAsync(cluster, "healthy-node");
        await cluster.CreateNodeAsync("dying-node", TimeSpan.Zero, new Dictionary<string, string> { ["role"] = "victim" });
        var lastBeat = DateTimeOffset.UtcNow;
        await cluster.CreateVmiAsync("victim", new Dictionary<string, string> { ["role"] = "victim" });
        await Eventually.UntilAsync(async () => (await cluster.GetVmiAsync("victim"))?.Status?.Phase == VirtualMachineInstancePhase.Scheduled, "the VMI to be Scheduled");
        await cluster.SetVmiRunningAsync("victim");

        var failed = await Eventually.ValueAsync(() => cluster.GetVmiAsync("victim"), v => v?.Status?.Phase == VirtualMachineInstancePhase.Failed, "the VMI to fail");

        Assert.Equal(ControllerMessages.NodeUnresponsive, failed!.Status!.Reason);
        Assert.True(DateTimeOffset.UtcNow - lastBeat >= ControllerEnvironment.NodeFailureTimeout - TimeSpan.FromSeconds(1));
        await Eventually.UntilAsync(
            () => environment.Aggregator.Events.Events.Any(e => e.InvolvedName == "victim" && e.Reason == ControllerMessages.NodeUnresponsive && e.Type == LifecycleEventTypes.Warning), "a NodeUnresponsive event");
    }

    [Fact]
    public async Task When_every_handler_is_silent_no_vmi_is_failed()
    {
        await using var environment = await ControllerEnvironment.StartAsync();
        var cluster = environment.Driver;
        await cluster.CreateNodeAsync("only-node", TimeSpan.Zero);
        await cluster.CreateVmiAsync("survivor");
        await Eventually.UntilAsync(async () => (await cluster.GetVmiAsync("survivor"))?.Status?.Phase == VirtualMachineInstancePhase.Scheduled, "the VMI to be Scheduled");
        await cluster.SetVmiRunningAsync("survivor");

        await Eventually.UntilAsync(
            () => environment.Aggregator.Events.Events.Count(e => e.InvolvedName == "survivor") >= 2,
            "the scheduling events");
        await Task.Delay(ControllerEnvironment.NodeFailureTimeout * 2, TestContext.Current.CancellationToken);

        Assert.Equal(VirtualMachineInstancePhase.Running, (await cluster.GetVmiAsync("survivor"))!.Status!.Phase);
    }
}
