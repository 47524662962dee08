using System.Diagnostics;
using System.Net;
using VmLifecycle.Aggregator.Tests.TestSupport;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Tests.Controllers;

/// <summary>Two aggregator replicas on one Lease: one reconciles, both serve; the other takes over when the leader goes.</summary>
public sealed class LeaderFailoverTests
{
    [Fact]
    public async Task Only_one_replica_leads_and_the_other_takes_over_within_one_lease_duration_while_both_keep_serving()
    {
        await using var environment = await ControllerEnvironment.StartAsync(replicas: 2);
        await using var handler = await HandlerDouble.StartAsync(environment.Driver, "node-1");
        var (first, second) = (environment.Replicas[0], environment.Replicas[1]);
        await Eventually.UntilAsync(() => ControllerEnvironment.Election(first).IsLeader || ControllerEnvironment.Election(second).IsLeader, "a leader");
        var leader = ControllerEnvironment.Election(first).IsLeader ? first : second;
        var follower = leader == first ? second : first;
        Assert.False(ControllerEnvironment.Election(follower).IsLeader);
        await AssertServesAsync(leader);
        await AssertServesAsync(follower);
        await environment.Driver.CreateVmAsync("ha", RunStrategy.Always);
        var before = await VirtualMachineLifecycleTests.RunningAsync(environment, "ha");

        var clock = Stopwatch.StartNew();
        await environment.RemoveReplicaAsync(leader);
        await Eventually.UntilAsync(() => ControllerEnvironment.Election(follower).IsLeader, "the follower to lead", ControllerEnvironment.LeaseDuration * 2);
        var takeover = clock.Elapsed;

        Assert.True(takeover < ControllerEnvironment.LeaseDuration, $"takeover took {takeover}");
        await AssertServesAsync(follower);
        await environment.Driver.DeleteVmiAsync("ha");
        await VirtualMachineLifecycleTests.RunningAsync(environment, "ha", notUid: before.Metadata.Uid);
        TestContext.Current.SendDiagnosticMessage($"Leader failover after a clean shutdown took {takeover.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task A_leader_that_vanishes_without_releasing_the_lease_is_replaced_once_the_lease_expires()
    {
        await using var environment = await ControllerEnvironment.StartAsync(replicas: 1, "--Controllers:LeaderElection:ReleaseOnShutdown=false");
        var leader = environment.Replicas[0];
        await Eventually.UntilAsync(() => ControllerEnvironment.Election(leader).IsLeader, "the first replica to lead");
        var follower = await environment.AddReplicaAsync("replica-1", "--Controllers:LeaderElection:ReleaseOnShutdown=false");
        await Task.Delay(ControllerEnvironment.LeaseDuration, TestContext.Current.CancellationToken);
        Assert.False(ControllerEnvironment.Election(follower).IsLeader);

        var clock = Stopwatch.StartNew();
        await environment.RemoveReplicaAsync(leader);
        await Eventually.UntilAsync(() => ControllerEnvironment.Election(follower).IsLeader, "the follower to lead", ControllerEnvironment.LeaseDuration * 4);
        var takeover = clock.Elapsed;

        Assert.True(takeover < ControllerEnvironment.LeaseDuration * 2, $"takeover took {takeover}");
        TestContext.Current.SendDiagnosticMessage($"Leader failover without release took {takeover.TotalMilliseconds:F0} ms");
    }

    private static async Task AssertServesAsync(AggregatorTestHost replica)
    {
        using var client = replica.Proxy("jane", "editors");
        using var response = await client.GetAsync("/apis/subresources.kubevirt.io/v1", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
