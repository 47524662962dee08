using VmLifecycle.Aggregator.Observability;
using VmLifecycle.Aggregator.Subresources;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.Subresources;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;
using static VmLifecycle.Aggregator.Tests.TestSupport.Objects;

namespace VmLifecycle.Aggregator.Tests.Subresources;

public sealed class RestartRulesTests
{
    [Fact]
    public void Positive_grace_period_is_400_only_zero_is_supported()
    {
        var failure = RestartRules.ValidateOptions(new RestartOptions { GracePeriodSeconds = 5 });

        Assert.Equal(400, failure!.Code);
        Assert.Equal("BadRequest", failure.Reason);
        Assert.Equal(KubeVirtMessages.ForceRestartOnlyGracePeriodZero, failure.Message);
    }

    [Fact]
    public void Negative_grace_period_is_400()
    {
        var failure = RestartRules.ValidateOptions(new RestartOptions { GracePeriodSeconds = -1 });

        Assert.Equal(400, failure!.Code);
        Assert.Equal(KubeVirtMessages.GracePeriodNotNegative, failure.Message);
    }

    [Theory]
    [InlineData(RunStrategy.Halted)]
    [InlineData(RunStrategy.Once)]
    public void Halted_and_Once_refuse_restart_with_the_RunStategy_typo(RunStrategy runStrategy)
    {
        var decision = RestartRules.Decide(Vm(runStrategy), Vmi(VirtualMachineInstancePhase.Running), new RestartOptions());

        Assert.Equal(409, decision.Failure!.Code);
        Assert.Equal(KubeVirtMessages.Conflict(VirtualMachine.KubeSingularName, VmName, KubeVirtMessages.ManualRestartNotSupported(runStrategy)), decision.Failure.Message);
        Assert.Contains("RunStategy " + runStrategy, decision.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restart_without_a_vmi_is_409_VM_is_not_running_Halted()
    {
        var decision = RestartRules.Decide(Vm(RunStrategy.Always), null, new RestartOptions());

        Assert.Equal(409, decision.Failure!.Code);
        Assert.Equal(KubeVirtMessages.Conflict(VirtualMachine.KubeSingularName, VmName, KubeVirtMessages.VmNotRunningHalted), decision.Failure.Message);
    }

    [Theory]
    [InlineData(RunStrategy.Always)]
    [InlineData(RunStrategy.Manual)]
    [InlineData(RunStrategy.RerunOnFailure)]
    public void Restart_queues_Stop_of_the_vmi_then_Start(RunStrategy runStrategy)
    {
        var decision = RestartRules.Decide(Vm(runStrategy), Vmi(VirtualMachineInstancePhase.Running), new RestartOptions());

        var patch = Assert.Single(decision.Patches);
        Assert.Equal(PatchTarget.VmStatus, patch.Target);
        Assert.Equal("""[{"op":"add","path":"/status","value":{"stateChangeRequests":[{"action":"Stop","uid":"vmi-uid-1"},{"action":"Start"}]}}]""", patch.Patch.ToJson());
        Assert.Equal(LifecycleEventMessages.RestartRequested, decision.EventReason);
    }

    [Fact]
    public void Restart_while_requests_are_queued_is_500_underway()
    {
        var vm = Vm(RunStrategy.Always).WithRequests(StateChangeRequestPatch.Stop("x"));

        var decision = RestartRules.Decide(vm, Vmi(VirtualMachineInstancePhase.Running), new RestartOptions());

        Assert.Equal(KubeVirtMessages.InternalError(KubeVirtMessages.StopStartAlreadyUnderway), decision.Failure!.Message);
    }

    [Fact]
    public void Force_restart_first_sets_the_vmi_grace_period_to_one_second_with_a_rollback()
    {
        var decision = RestartRules.Decide(Vm(RunStrategy.Always), Vmi(VirtualMachineInstancePhase.Running, gracePeriod: 30), new RestartOptions { GracePeriodSeconds = 0 });

        Assert.Collection(
            decision.Patches,
            vmi =>
            {
                Assert.Equal(PatchTarget.Vmi, vmi.Target);
                Assert.Equal(
                    """[{"op":"test","path":"/spec/terminationGracePeriodSeconds","value":30},{"op":"replace","path":"/spec/terminationGracePeriodSeconds","value":1}]""",
                    vmi.Patch.ToJson());
                Assert.Equal(
                    """[{"op":"test","path":"/spec/terminationGracePeriodSeconds","value":1},{"op":"replace","path":"/spec/terminationGracePeriodSeconds","value":30}]""",
                    vmi.Rollback!.ToJson());
            },
            status => Assert.Equal(PatchTarget.VmStatus, status.Target));
        Assert.Equal(LifecycleEventMessages.ForceRestartRequested, decision.EventReason);
        Assert.Equal(1, RestartRules.ForceRestartGracePeriodSeconds);
    }

    [Fact]
    public void Force_restart_rollback_removes_a_grace_period_that_was_unset()
    {
        var decision = RestartRules.Decide(Vm(RunStrategy.Always), Vmi(VirtualMachineInstancePhase.Running, gracePeriod: null), new RestartOptions { GracePeriodSeconds = 0 });

        Assert.Equal(
            """[{"op":"test","path":"/spec/terminationGracePeriodSeconds","value":1},{"op":"remove","path":"/spec/terminationGracePeriodSeconds"}]""",
            decision.Patches[0].Rollback!.ToJson());
    }
}
