using VmLifecycle.Aggregator.Observability;
using VmLifecycle.Aggregator.Subresources;
using VmLifecycle.Aggregator.Tests.TestSupport;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.Subresources;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;
using static VmLifecycle.Aggregator.Tests.TestSupport.Objects;

namespace VmLifecycle.Aggregator.Tests.Subresources;

public sealed class StartRulesTests
{
    [Fact]
    public void Halted_vm_is_started_by_flipping_runStrategy_to_Always_with_a_test()
    {
        var decision = StartRules.Decide(Vm(RunStrategy.Halted), null, new StartOptions());

        Assert.Null(decision.Failure);
        var patch = Assert.Single(decision.Patches);
        Assert.Equal(PatchTarget.Vm, patch.Target);
        Assert.Equal("""[{"op":"test","path":"/spec/runStrategy","value":"Halted"},{"op":"replace","path":"/spec/runStrategy","value":"Always"}]""", patch.Patch.ToJson());
        Assert.Equal(LifecycleEventMessages.StartRequested, decision.EventReason);
    }

    [Fact]
    public void Halted_vm_using_deprecated_running_is_started_through_spec_running()
    {
        var decision = StartRules.Decide(Vm(runStrategy: null, running: false), null, new StartOptions());

        Assert.Equal("""[{"op":"test","path":"/spec/running","value":false},{"op":"replace","path":"/spec/running","value":true}]""", Assert.Single(decision.Patches).Patch.ToJson());
    }

    [Fact]
    public void Vm_without_runStrategy_or_running_is_implicitly_Halted_and_gets_runStrategy_added()
    {
        var decision = StartRules.Decide(Vm(runStrategy: null), null, new StartOptions());

        Assert.Equal("""[{"op":"add","path":"/spec/runStrategy","value":"Always"}]""", Assert.Single(decision.Patches).Patch.ToJson());
    }

    [Fact]
    public void Paused_start_of_a_Halted_vm_only_queues_a_paused_Start_request()
    {
        var decision = StartRules.Decide(Vm(RunStrategy.Halted), null, new StartOptions { Paused = true });

        var status = Assert.Single(decision.Patches);
        Assert.Equal(PatchTarget.VmStatus, status.Target);
        Assert.Equal("""[{"op":"add","path":"/status","value":{"stateChangeRequests":[{"action":"Start","data":{"paused":"true"}}]}}]""", status.Patch.ToJson());
    }

    [Fact]
    public void Both_running_and_runStrategy_is_an_internal_error()
    {
        var decision = StartRules.Decide(Vm(RunStrategy.Halted, running: true), null, new StartOptions());

        Assert.Equal(500, decision.Failure!.Code);
        Assert.Equal(KubeVirtMessages.InternalError(KubeVirtMessages.RunningAndRunStrategyMutuallyExclusive), decision.Failure.Message);
    }

    [Theory]
    [InlineData(VirtualMachineInstancePhase.Pending)]
    [InlineData(VirtualMachineInstancePhase.Scheduling)]
    [InlineData(VirtualMachineInstancePhase.Scheduled)]
    [InlineData(VirtualMachineInstancePhase.Running)]
    public void Start_while_a_vmi_is_live_is_409_VM_is_already_running(VirtualMachineInstancePhase phase)
    {
        var decision = StartRules.Decide(Vm(RunStrategy.Manual), Vmi(phase), new StartOptions());

        Assert.Equal(409, decision.Failure!.Code);
        Assert.Equal("Conflict", decision.Failure.Reason);
        Assert.Equal(KubeVirtMessages.Conflict(VirtualMachine.KubeSingularName, VmName, KubeVirtMessages.VmAlreadyRunning), decision.Failure.Message);
        Assert.Equal("Operation cannot be fulfilled on virtualmachine.kubevirt.io \"my-vm\": VM is already running", decision.Failure.Message);
        Assert.Equal("kubevirt.io", decision.Failure.Details!.Group);
        Assert.Equal("virtualmachine", decision.Failure.Details.Kind);
        Assert.Equal(VmName, decision.Failure.Details.Name);
    }

    [Theory]
    [InlineData(VirtualMachineInstancePhase.Unknown)]
    [InlineData(null)]
    [InlineData(VirtualMachineInstancePhase.Succeeded)]
    public void A_vmi_in_phase_unknown_unset_or_final_does_not_block_start(VirtualMachineInstancePhase? phase)
    {
        var decision = StartRules.Decide(Vm(RunStrategy.Halted), Vmi(phase), new StartOptions());

        Assert.Null(decision.Failure);
    }

    [Theory]
    [InlineData(RunStrategy.Always, "Always does not support manual start requests")]
    [InlineData(RunStrategy.Once, "Once does not support manual start requests")]
    public void Always_and_Once_refuse_manual_start(RunStrategy runStrategy, string message)
    {
        var decision = StartRules.Decide(Vm(runStrategy), null, new StartOptions());

        Assert.Equal(409, decision.Failure!.Code);
        Assert.Equal(KubeVirtMessages.Conflict(VirtualMachine.KubeSingularName, VmName, KubeVirtMessages.ManualStartNotSupported(runStrategy)), decision.Failure.Message);
        Assert.EndsWith(message, decision.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Manual_start_queues_a_Start_request_on_the_status()
    {
        var decision = StartRules.Decide(Vm(RunStrategy.Manual).WithPrintableStatus(PrintableStatus.Stopped), null, new StartOptions());

        var patch = Assert.Single(decision.Patches);
        Assert.Equal(PatchTarget.VmStatus, patch.Target);
        Assert.Equal(
            """[{"op":"test","path":"/status/stateChangeRequests","value":null},{"op":"add","path":"/status/stateChangeRequests","value":[{"action":"Start"}]}]""",
            patch.Patch.ToJson());
    }

    [Fact]
    public void Manual_start_with_a_final_vmi_queues_Stop_of_that_vmi_then_Start()
    {
        var decision = StartRules.Decide(Vm(RunStrategy.Manual), Vmi(VirtualMachineInstancePhase.Failed), new StartOptions());

        Assert.Contains("""[{"action":"Stop","uid":"vmi-uid-1"},{"action":"Start"}]""", Assert.Single(decision.Patches).Patch.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Manual_paused_start_carries_the_paused_data()
    {
        var decision = StartRules.Decide(Vm(RunStrategy.Manual), null, new StartOptions { Paused = true });

        Assert.Contains("""{"action":"Start","data":{"paused":"true"}}""", Assert.Single(decision.Patches).Patch.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void RerunOnFailure_start_from_a_failed_vmi_is_409()
    {
        var decision = StartRules.Decide(Vm(RunStrategy.RerunOnFailure), Vmi(VirtualMachineInstancePhase.Failed), new StartOptions());

        Assert.Equal(409, decision.Failure!.Code);
        Assert.Equal(KubeVirtMessages.Conflict(VirtualMachine.KubeSingularName, VmName, KubeVirtMessages.RerunOnFailureCannotStartFromFailed), decision.Failure.Message);
    }

    [Fact]
    public void RerunOnFailure_start_from_a_succeeded_vmi_queues_Stop_then_Start()
    {
        var decision = StartRules.Decide(Vm(RunStrategy.RerunOnFailure), Vmi(VirtualMachineInstancePhase.Succeeded), new StartOptions());

        Assert.Contains("""[{"action":"Stop","uid":"vmi-uid-1"},{"action":"Start"}]""", Assert.Single(decision.Patches).Patch.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_while_another_request_is_queued_is_500_stop_start_already_underway()
    {
        var vm = Vm(RunStrategy.Manual).WithRequests(StateChangeRequestPatch.Stop("old"));

        var decision = StartRules.Decide(vm, null, new StartOptions());

        Assert.Equal(500, decision.Failure!.Code);
        Assert.Equal("InternalError", decision.Failure.Reason);
        Assert.Equal(KubeVirtMessages.InternalError(KubeVirtMessages.StopStartAlreadyUnderway), decision.Failure.Message);
        Assert.Equal("Internal error occurred: unable to complete request: stop/start already underway", decision.Failure.Message);
    }

    [Fact]
    public void Paused_start_of_Halted_vm_with_queued_requests_is_500()
    {
        var vm = Vm(RunStrategy.Halted).WithRequests(StateChangeRequestPatch.Start(false));

        var decision = StartRules.Decide(vm, null, new StartOptions { Paused = true });

        Assert.Equal(KubeVirtMessages.InternalError(KubeVirtMessages.StopStartAlreadyUnderway), decision.Failure!.Message);
    }

    [Fact]
    public void Status_patch_removes_startFailure_when_it_is_set()
    {
        var vm = Vm(RunStrategy.Manual).WithPrintableStatus(PrintableStatus.CrashLoopBackOff);
        vm.Status!.StartFailure = new VirtualMachineStartFailure { ConsecutiveFailCount = 3 };

        var decision = StartRules.Decide(vm, null, new StartOptions());

        Assert.EndsWith("""{"op":"remove","path":"/status/startFailure"}]""", Assert.Single(decision.Patches).Patch.ToJson(), StringComparison.Ordinal);
    }
}
