using VmLifecycle.Aggregator.Subresources;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;
using static VmLifecycle.Aggregator.Tests.TestSupport.Objects;

namespace VmLifecycle.Aggregator.Tests.Subresources;

public sealed class PauseRulesTests
{
    [Fact]
    public void Running_vmi_may_be_paused()
    {
        Assert.Null(PauseRules.ValidatePause(Vmi(VirtualMachineInstancePhase.Running)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(VirtualMachineInstancePhase.Pending)]
    [InlineData(VirtualMachineInstancePhase.Scheduled)]
    [InlineData(VirtualMachineInstancePhase.Succeeded)]
    public void Pause_of_a_vmi_that_is_not_Running_is_409_with_the_VM_text(VirtualMachineInstancePhase? phase)
    {
        var failure = PauseRules.ValidatePause(Vmi(phase));

        Assert.Equal(409, failure!.Code);
        Assert.Equal(KubeVirtMessages.Conflict(VirtualMachineInstance.KubeSingularName, VmName, KubeVirtMessages.VmNotRunning), failure.Message);
        Assert.Equal("Operation cannot be fulfilled on virtualmachineinstance.kubevirt.io \"my-vm\": VM is not running", failure.Message);
        Assert.Equal("virtualmachineinstance", failure.Details!.Kind);
    }

    [Fact]
    public void Pause_of_a_paused_vmi_is_409_already_paused()
    {
        var failure = PauseRules.ValidatePause(Vmi(VirtualMachineInstancePhase.Running).Paused());

        Assert.Equal(409, failure!.Code);
        Assert.Equal(KubeVirtMessages.Conflict(VirtualMachineInstance.KubeSingularName, VmName, KubeVirtMessages.VmiAlreadyPaused), failure.Message);
    }

    [Theory]
    [InlineData("""{"httpGet":{"port":80}}""")]
    [InlineData("""{"tcpSocket":{"port":22},"guestAgentPing":null}""")]
    public void Pause_with_a_non_guestAgentPing_liveness_probe_is_403(string probe)
    {
        var failure = PauseRules.ValidatePause(Vmi(VirtualMachineInstancePhase.Running).WithLivenessProbe(probe));

        Assert.Equal(403, failure!.Code);
        Assert.Equal("Forbidden", failure.Reason);
        Assert.Equal(KubeVirtMessages.Forbidden(VirtualMachineInstance.KubeSingularName, VmName, KubeVirtMessages.PauseWithLivenessProbeNotSupported), failure.Message);
        Assert.Equal("virtualmachineinstance.kubevirt.io \"my-vm\" is forbidden: Pausing VMIs with a non-GuestAgentPing LivenessProbe is not supported", failure.Message);
    }

    [Fact]
    public void Pause_with_a_guestAgentPing_liveness_probe_is_allowed_since_v1_9()
    {
        Assert.Null(PauseRules.ValidatePause(Vmi(VirtualMachineInstancePhase.Running).WithLivenessProbe("""{"guestAgentPing":{}}""")));
    }

    [Fact]
    public void Paused_vmi_may_be_unpaused()
    {
        Assert.Null(PauseRules.ValidateUnpause(Vmi(VirtualMachineInstancePhase.Running).Paused()));
        Assert.Null(PauseRules.ValidateUnpauseOfVm(Vm(RunStrategy.Always)));
        Assert.Null(PauseRules.ValidateUnpauseOfVm(null));
    }

    [Fact]
    public void Unpause_of_a_vmi_that_is_not_Running_is_409_VMI_is_not_running()
    {
        var failure = PauseRules.ValidateUnpause(Vmi(VirtualMachineInstancePhase.Scheduled));

        Assert.Equal(409, failure!.Code);
        Assert.Equal(KubeVirtMessages.Conflict(VirtualMachineInstance.KubeSingularName, VmName, KubeVirtMessages.VmiNotRunning), failure.Message);
    }

    [Fact]
    public void Unpause_of_a_vmi_that_is_not_paused_is_409_VMI_is_not_paused()
    {
        var failure = PauseRules.ValidateUnpause(Vmi(VirtualMachineInstancePhase.Running));

        Assert.Equal(409, failure!.Code);
        Assert.Equal(KubeVirtMessages.Conflict(VirtualMachineInstance.KubeSingularName, VmName, KubeVirtMessages.VmiNotPaused), failure.Message);
    }

    [Fact]
    public void Unpause_while_the_vm_has_a_snapshot_in_progress_is_409_on_the_vm()
    {
        var vm = Vm(RunStrategy.Always);
        vm.Status = new VirtualMachineStatus { SnapshotInProgress = "snap-1" };

        var failure = PauseRules.ValidateUnpauseOfVm(vm);

        Assert.Equal(409, failure!.Code);
        Assert.Equal(KubeVirtMessages.Conflict(VirtualMachine.KubeSingularName, VmName, KubeVirtMessages.VmSnapshotInProgress), failure.Message);
        Assert.Equal("virtualmachine", failure.Details!.Kind);
    }

    [Fact]
    public void A_Paused_condition_with_status_False_does_not_count_as_paused()
    {
        var vmi = Vmi(VirtualMachineInstancePhase.Running).Paused();
        vmi.Status!.Conditions![0].Status = ConditionStatus.False;

        Assert.Null(PauseRules.ValidatePause(vmi));
    }
}
