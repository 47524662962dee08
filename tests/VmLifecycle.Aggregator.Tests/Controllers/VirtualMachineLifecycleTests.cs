using VmLifecycle.Aggregator.Observability;
using VmLifecycle.Aggregator.Tests.TestSupport;
using VmLifecycle.Api;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Tests.Controllers;

/// <summary>
/// Every run strategy against start, stop, restart and force stop, end to end: the aggregator's subresources write what
/// virt-api writes, the controllers act on the local cluster, and a handler double turns scheduled VMIs Running.
/// </summary>
public sealed class VirtualMachineLifecycleTests
{
    private const string Node = "node-1";

    [Fact]
    public async Task Always_keeps_a_vmi_running_and_honours_stop_start_restart_and_force_stop()
    {
        await using var environment = await ControllerEnvironment.StartAsync();
        await using var handler = await HandlerDouble.StartAsync(environment.Driver, Node);
        var cluster = environment.Driver;
        var vm = await cluster.CreateVmAsync("always", RunStrategy.Always);

        var vmi = await RunningAsync(environment, "always");
        Assert.Equal(Node, vmi.Status!.NodeName);
        var owner = Assert.Single(vmi.Metadata.OwnerReferences);
        Assert.Equal((KubeVirtGroup.ApiVersion, VirtualMachine.KubeKind, "always", vm.Metadata.Uid, true, true),
            (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller, owner.BlockOwnerDeletion));
        Assert.Equal("always", vmi.Metadata.Labels["app"]);
        Assert.Equal("from-template", vmi.Metadata.Annotations["note"]);
        var status = (await cluster.GetVmAsync("always"))!.Status!;
        Assert.Equal((true, true, RunStrategy.Always), (status.Created, status.Ready, status.RunStrategy));
        Assert.Equal(ConditionStatus.True, status.Conditions!.Single(c => c.Type == ConditionTypes.Ready).Status);
        await Eventually.UntilAsync(() => environment.Aggregator.Events.Events.Any(e => e.Message == "Started the virtual machine by creating the new virtual machine instance always" && e.Type == LifecycleEventTypes.Normal), "the event");

        await environment.RequestAsync("always", "stop");
        await StoppedAsync(environment, "always");
        Assert.Equal(RunStrategy.Halted, (await cluster.GetVmAsync("always"))!.Spec.RunStrategy);
        await Eventually.UntilAsync(() => environment.Aggregator.Events.Events.Any(e => e.Message == KubeVirtMessages.StoppedByDeletingInstance(vmi.Metadata.Uid)), "the event");

        await environment.RequestAsync("always", "start");
        var started = await RunningAsync(environment, "always");
        Assert.Equal(RunStrategy.Always, (await cluster.GetVmAsync("always"))!.Spec.RunStrategy);

        await environment.RequestAsync("always", "restart");
        var restarted = await RunningAsync(environment, "always", notUid: started.Metadata.Uid);
        Assert.Null((await cluster.GetVmAsync("always"))!.Status!.StateChangeRequests);

        await environment.RequestAsync("always", "stop", new { gracePeriod = 0 });
        await StoppedAsync(environment, "always");
        await Eventually.UntilAsync(() => environment.Aggregator.Events.Events.Any(e => e.Message == KubeVirtMessages.StoppedByDeletingInstance(restarted.Metadata.Uid)), "the event");
    }

    [Fact]
    public async Task Always_recreates_a_vmi_that_stopped_by_itself()
    {
        await using var environment = await ControllerEnvironment.StartAsync();
        await using var handler = await HandlerDouble.StartAsync(environment.Driver, Node);
        await environment.Driver.CreateVmAsync("always", RunStrategy.Always);
        var first = await RunningAsync(environment, "always");

        await environment.Driver.SetVmiPhaseAsync("always", VirtualMachineInstancePhase.Succeeded);

        await RunningAsync(environment, "always", notUid: first.Metadata.Uid);
    }

    [Fact]
    public async Task Manual_runs_only_on_request_and_honours_start_restart_stop_and_force_stop()
    {
        await using var environment = await ControllerEnvironment.StartAsync();
        await using var handler = await HandlerDouble.StartAsync(environment.Driver, Node);
        await environment.Driver.CreateVmAsync("manual", RunStrategy.Manual);
        await StoppedAsync(environment, "manual");

        await environment.RequestAsync("manual", "start");
        var first = await RunningAsync(environment, "manual");

        await environment.RequestAsync("manual", "restart");
        var second = await RunningAsync(environment, "manual", notUid: first.Metadata.Uid);

        await environment.RequestAsync("manual", "stop");
        await StoppedAsync(environment, "manual");
        Assert.Equal(RunStrategy.Manual, (await environment.Driver.GetVmAsync("manual"))!.Spec.RunStrategy);

        await environment.RequestAsync("manual", "start");
        await RunningAsync(environment, "manual", notUid: second.Metadata.Uid);
        await environment.RequestAsync("manual", "stop", new { gracePeriod = 0 });
        await StoppedAsync(environment, "manual");
    }

    [Fact]
    public async Task RerunOnFailure_backs_off_a_crash_looping_vmi_and_leaves_a_succeeded_one_stopped()
    {
        // One second, then the two second cap: long enough to see CrashLoopBackOff, short enough for three crashes.
        await using var environment = await ControllerEnvironment.StartAsync(
            1, "--Controllers:StartFailureBackoffBase=00:00:01", "--Controllers:StartFailureBackoffMax=00:00:02");
        await using var handler = await HandlerDouble.StartAsync(environment.Driver, Node);
        await environment.Driver.CreateVmAsync("rerun", RunStrategy.RerunOnFailure);
        var current = await RunningAsync(environment, "rerun");
        var uids = new HashSet<string> { current.Metadata.Uid };

        for (var crash = 1; crash <= 3; crash++)
        {
            var failedUid = current.Metadata.Uid;
            await environment.Driver.SetVmiPhaseAsync("rerun", VirtualMachineInstancePhase.Failed);
            var waiting = await Eventually.ValueAsync(
                () => environment.Driver.GetVmAsync("rerun"),
                vm => vm!.Status!.PrintableStatus == PrintableStatus.CrashLoopBackOff && vm.Status.StartFailure?.LastFailedVMIUID == failedUid,
                $"CrashLoopBackOff after crash {crash}");
            var startFailure = waiting!.Status!.StartFailure!;
            Assert.Equal(crash, startFailure.ConsecutiveFailCount);
            Assert.NotNull(startFailure.RetryAfterTimestamp);
            var meanwhile = await environment.Driver.GetVmiAsync("rerun");
            Assert.True(meanwhile is null || meanwhile.Metadata.Uid == failedUid, "no new VMI while backing off");

            current = await RunningAsync(environment, "rerun", notUid: failedUid);
            Assert.True(uids.Add(current.Metadata.Uid));
            Assert.Equal(crash, (await environment.Driver.GetVmAsync("rerun"))!.Status!.StartFailure!.ConsecutiveFailCount);
        }

        await environment.Driver.SetVmiPhaseAsync("rerun", VirtualMachineInstancePhase.Succeeded);
        await StoppedAsync(environment, "rerun");
        Assert.Null((await environment.Driver.GetVmAsync("rerun"))!.Status!.StartFailure);

        await environment.RequestAsync("rerun", "start");
        current = await RunningAsync(environment, "rerun");
        await environment.RequestAsync("rerun", "restart");
        current = await RunningAsync(environment, "rerun", notUid: current.Metadata.Uid);
        await environment.RequestAsync("rerun", "stop", new { gracePeriod = 0 });
        await StoppedAsync(environment, "rerun");
        Assert.Equal(RunStrategy.RerunOnFailure, (await environment.Driver.GetVmAsync("rerun"))!.Spec.RunStrategy);
    }

    [Fact]
    public async Task Halted_starts_paused_on_a_paused_start_by_switching_to_Always_and_shows_the_pause()
    {
        await using var environment = await ControllerEnvironment.StartAsync();
        await using var handler = await HandlerDouble.StartAsync(environment.Driver, Node);
        await environment.Driver.CreateVmAsync("halted", RunStrategy.Halted);
        await StoppedAsync(environment, "halted");
        Assert.Equal(System.Net.HttpStatusCode.Conflict, await environment.TryRequestAsync("halted", "restart"));

        await environment.RequestAsync("halted", "start", new { paused = true });

        var vmi = await RunningAsync(environment, "halted");
        Assert.Equal(StartStrategy.Paused, vmi.Spec.StartStrategy);
        Assert.Equal(RunStrategy.Always, (await environment.Driver.GetVmAsync("halted"))!.Spec.RunStrategy);
        await environment.Driver.UpdateVmiStatusAsync("halted", status => status.Conditions!.Add(new VirtualMachineInstanceCondition
        {
            Type = ConditionTypes.Paused, Status = ConditionStatus.True, Reason = ConditionReasons.PausedByUser, Message = KubeVirtMessages.PausedByUser,
        }));
        var paused = await Eventually.ValueAsync(
            () => environment.Driver.GetVmAsync("halted"), v => v?.Status?.PrintableStatus == PrintableStatus.Paused, "the VM to show Paused");
        var condition = paused!.Status!.Conditions!.Single(c => c.Type == ConditionTypes.Paused);
        Assert.Equal((ConditionReasons.PausedByUser, KubeVirtMessages.PausedByUser), (condition.Reason, condition.Message));

        await environment.RequestAsync("halted", "stop");
        await StoppedAsync(environment, "halted");
        Assert.DoesNotContain((await environment.Driver.GetVmAsync("halted"))!.Status!.Conditions!, c => c.Type == ConditionTypes.Paused);
    }

    [Fact]
    public async Task Once_runs_the_vmi_once_and_stop_halts_it()
    {
        await using var environment = await ControllerEnvironment.StartAsync();
        await using var handler = await HandlerDouble.StartAsync(environment.Driver, Node);
        await environment.Driver.CreateVmAsync("once", RunStrategy.Once);
        var vmi = await RunningAsync(environment, "once");

        await environment.Driver.SetVmiPhaseAsync("once", VirtualMachineInstancePhase.Succeeded);

        var stopped = await Eventually.ValueAsync(
            () => environment.Driver.GetVmAsync("once"), v => v?.Status?.PrintableStatus == PrintableStatus.Stopped, "the VM to show Stopped");
        Assert.True(stopped!.Status!.Created);
        Assert.Equal(vmi.Metadata.Uid, (await environment.Driver.GetVmiAsync("once"))!.Metadata.Uid);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, await environment.TryRequestAsync("once", "start"));

        await environment.RequestAsync("once", "stop");
        await StoppedAsync(environment, "once");
        Assert.Equal(RunStrategy.Halted, (await environment.Driver.GetVmAsync("once"))!.Spec.RunStrategy);
    }

    [Fact]
    public async Task The_deprecated_running_field_starts_and_stops_like_Always_and_Halted()
    {
        await using var environment = await ControllerEnvironment.StartAsync();
        await using var handler = await HandlerDouble.StartAsync(environment.Driver, Node);
        await environment.Driver.CreateVmAsync("legacy", null, running: true);
        await RunningAsync(environment, "legacy");

        await environment.RequestAsync("legacy", "stop");
        await StoppedAsync(environment, "legacy");
        Assert.False((await environment.Driver.GetVmAsync("legacy"))!.Spec.Running);

        await environment.RequestAsync("legacy", "start");
        await RunningAsync(environment, "legacy");
        Assert.True((await environment.Driver.GetVmAsync("legacy"))!.Spec.Running);
    }

    [Fact]
    public async Task Deleting_a_vm_deletes_its_vmi()
    {
        await using var environment = await ControllerEnvironment.StartAsync();
        await using var handler = await HandlerDouble.StartAsync(environment.Driver, Node);
        await environment.Driver.CreateVmAsync("doomed", RunStrategy.Always);
        await RunningAsync(environment, "doomed");

        await environment.Driver.DeleteVmAsync("doomed");

        await Eventually.UntilAsync(async () => await environment.Driver.GetVmiAsync("doomed") is null, "the VMI to be collected");
    }

    /// <summary>Waits for a Running VMI (another one than <paramref name="notUid"/>) and the VM showing Running.</summary>
    internal static async Task<VirtualMachineInstance> RunningAsync(ControllerEnvironment environment, string name, string? notUid = null)
    {
        var vmi = await Eventually.ValueAsync(
            () => environment.Driver.GetVmiAsync(name),
            v => v?.Status?.Phase == VirtualMachineInstancePhase.Running && v.Metadata.Uid != notUid,
            $"a new Running VMI {name}");
        await Eventually.UntilAsync(
            async () => (await environment.Driver.GetVmAsync(name))?.Status is { PrintableStatus: PrintableStatus.Running or PrintableStatus.Paused, Ready: true },
            $"VM {name} to show Running");
        return vmi!;
    }

    /// <summary>Waits for the VMI to be gone and the VM to show Stopped with no queued request.</summary>
    internal static async Task StoppedAsync(ControllerEnvironment environment, string name)
    {
        await Eventually.UntilAsync(async () => await environment.Driver.GetVmiAsync(name) is null, $"VMI {name} to be gone");
        await Eventually.UntilAsync(
            async () => (await environment.Driver.GetVmAsync(name))?.Status is { PrintableStatus: PrintableStatus.Stopped, Created: false, StateChangeRequests: null },
            $"VM {name} to show Stopped");
    }
}
