using VmLifecycle.Aggregator.Observability;
using VmLifecycle.Aggregator.Subresources;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.Subresources;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;
using static VmLifecycle.Aggregator.Tests.TestSupport.Objects;

namespace VmLifecycle.Aggregator.Tests.Subresources;

public sealed class StopRulesTests
{
    [Theory]
    [InlineData(RunStrategy.Always)]
    [InlineData(RunStrategy.Once)]
    public void Always_and_Once_are_stopped_by_halting_even_without_a_vmi(RunStrategy runStrategy)
    {
        var decision = StopRules.Decide(Vm(runStrategy), null, new StopOptions());

        Assert.Null(decision.Failure);
        var patch = Assert.Single(decision.Patches);
        Assert.Equal(PatchTarget.Vm, patch.Target);
        Assert.Equal($$"""[{"op":"test","path":"/spec/runStrategy","value":"{{runStrategy}}"},{"op":"replace","path":"/spec/runStrategy","value":"Halted"}]""", patch.Patch.ToJson());
    }

    [Fact]
    public void Deprecated_running_true_is_stopped_through_spec_running()
    {
        var decision = StopRules.Decide(Vm(runStrategy: null, running: true), Vmi(VirtualMachineInstancePhase.Running), new StopOptions());

        Assert.Equal("""[{"op":"test","path":"/spec/running","value":true},{"op":"replace","path":"/spec/running","value":false}]""", Assert.Single(decision.Patches).Patch.ToJson());
    }

    [Fact]
    public void Force_stop_patches_the_vmi_grace_period_first_with_test_and_replace()
    {
        var decision = StopRules.Decide(Vm(RunStrategy.Always), Vmi(VirtualMachineInstancePhase.Running, gracePeriod: 30), new StopOptions { GracePeriod = 0 });

        Assert.Collection(
            decision.Patches,
            vmi =>
            {
                Assert.Equal(PatchTarget.Vmi, vmi.Target);
                Assert.Equal(
                    """[{"op":"test","path":"/spec/terminationGracePeriodSeconds","value":30},{"op":"replace","path":"/spec/terminationGracePeriodSeconds","value":0}]""",
                    vmi.Patch.ToJson());
                Assert.Null(vmi.Rollback);
            },
            vm => Assert.Equal(PatchTarget.Vm, vm.Target));
        Assert.Equal(LifecycleEventMessages.ForceStopRequested, decision.EventReason);
    }

    [Fact]
    public void Grace_period_of_a_vmi_without_one_is_added()
    {
        var decision = StopRules.Decide(Vm(RunStrategy.Manual), Vmi(VirtualMachineInstancePhase.Running, gracePeriod: null), new StopOptions { GracePeriod = 0 });

        Assert.Equal("""[{"op":"add","path":"/spec/terminationGracePeriodSeconds","value":0}]""", decision.Patches[0].Patch.ToJson());
    }

    [Fact]
    public void Grace_period_is_not_patched_on_a_final_vmi()
    {
        var decision = StopRules.Decide(Vm(RunStrategy.Always), Vmi(VirtualMachineInstancePhase.Succeeded), new StopOptions { GracePeriod = 0 });

        Assert.Equal(PatchTarget.Vm, Assert.Single(decision.Patches).Target);
    }

    [Theory]
    [InlineData(RunStrategy.Manual)]
    [InlineData(RunStrategy.RerunOnFailure)]
    [InlineData(RunStrategy.Halted)]
    public void Stop_without_a_live_vmi_is_409_VM_is_not_running(RunStrategy runStrategy)
    {
        foreach (var vmi in new[] { null, Vmi(VirtualMachineInstancePhase.Succeeded), Vmi(VirtualMachineInstancePhase.Failed) })
        {
            var decision = StopRules.Decide(Vm(runStrategy), vmi, new StopOptions());

            Assert.Equal(409, decision.Failure!.Code);
            Assert.Equal(KubeVirtMessages.Conflict(VirtualMachine.KubeSingularName, VmName, KubeVirtMessages.VmNotRunning), decision.Failure.Message);
        }
    }

    [Theory]
    [InlineData(RunStrategy.Manual)]
    [InlineData(RunStrategy.RerunOnFailure)]
    public void Manual_and_RerunOnFailure_queue_a_Stop_for_the_vmi_uid(RunStrategy runStrategy)
    {
        var decision = StopRules.Decide(Vm(runStrategy), Vmi(VirtualMachineInstancePhase.Running), new StopOptions());

        var patch = Assert.Single(decision.Patches);
        Assert.Equal(PatchTarget.VmStatus, patch.Target);
        Assert.Equal("""[{"op":"add","path":"/status","value":{"stateChangeRequests":[{"action":"Stop","uid":"vmi-uid-1"}]}}]""", patch.Patch.ToJson());
        Assert.Equal(LifecycleEventMessages.StopRequested, decision.EventReason);
    }

    [Fact]
    public void A_lone_Stop_replaces_queued_requests_with_a_test_of_them()
    {
        var vm = Vm(RunStrategy.Manual).WithRequests(StateChangeRequestPatch.Start(false));

        var decision = StopRules.Decide(vm, Vmi(VirtualMachineInstancePhase.Running), new StopOptions());

        Assert.Equal(
            """[{"op":"test","path":"/status/stateChangeRequests","value":[{"action":"Start"}]},{"op":"replace","path":"/status/stateChangeRequests","value":[{"action":"Stop","uid":"vmi-uid-1"}]}]""",
            Assert.Single(decision.Patches).Patch.ToJson());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(30L)]
    [InlineData(60L)]
    public void Halted_with_a_live_vmi_needs_a_shorter_grace_period(long? gracePeriod)
    {
        var decision = StopRules.Decide(Vm(RunStrategy.Halted), Vmi(VirtualMachineInstancePhase.Running, gracePeriod: 30), new StopOptions { GracePeriod = gracePeriod });

        Assert.Equal(409, decision.Failure!.Code);
        Assert.Equal(KubeVirtMessages.Conflict(VirtualMachine.KubeSingularName, VmName, KubeVirtMessages.HaltedStopNeedsShorterGracePeriod), decision.Failure.Message);
        Assert.Empty(decision.Patches);
    }

    [Fact]
    public void Halted_with_a_live_vmi_and_a_shorter_grace_period_patches_the_vmi_and_queues_a_Stop()
    {
        var decision = StopRules.Decide(Vm(RunStrategy.Halted), Vmi(VirtualMachineInstancePhase.Running, gracePeriod: 30), new StopOptions { GracePeriod = 0 });

        Assert.Collection(decision.Patches, vmi => Assert.Equal(PatchTarget.Vmi, vmi.Target), status => Assert.Equal(PatchTarget.VmStatus, status.Target));
    }

    [Fact]
    public void Halted_with_a_vmi_without_grace_period_accepts_any_grace_period_as_virt_api_does()
    {
        var decision = StopRules.Decide(Vm(RunStrategy.Halted), Vmi(VirtualMachineInstancePhase.Running, gracePeriod: null), new StopOptions { GracePeriod = 100 });

        Assert.Null(decision.Failure);
    }
}
