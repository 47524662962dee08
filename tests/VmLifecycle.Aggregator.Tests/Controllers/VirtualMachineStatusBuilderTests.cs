using VmLifecycle.Aggregator.Controllers;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;
using static VmLifecycle.Aggregator.Tests.Controllers.ControllerObjects;

namespace VmLifecycle.Aggregator.Tests.Controllers;

public sealed class VirtualMachineStatusBuilderTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_paused_vmi_gives_the_vm_its_Paused_condition_with_reason_and_message_and_a_derived_Ready()
    {
        var vm = Vm(RunStrategy.Always);

        var status = Build(vm, Vmi("Paused"));

        Assert.Equal((true, true, PrintableStatus.Paused), (status.Created, status.Ready, status.PrintableStatus));
        var paused = Assert.Single(status.Conditions!, c => c.Type == ConditionTypes.Paused);
        Assert.Equal((ConditionStatus.True, ConditionReasons.PausedByUser, KubeVirtMessages.PausedByUser), (paused.Status, paused.Reason, paused.Message));
        Assert.Equal(ConditionStatus.True, Assert.Single(status.Conditions!, c => c.Type == ConditionTypes.Ready).Status);
    }

    [Fact]
    public void Vmi_conditions_other_than_Ready_Failure_and_RestartRequired_are_copied_and_removed_with_the_vmi()
    {
        var vmi = Vmi("Running")!;
        vmi.Status!.Conditions =
        [
            new VirtualMachineInstanceCondition { Type = ConditionTypes.AgentConnected, Status = ConditionStatus.True },
            new VirtualMachineInstanceCondition { Type = ConditionTypes.RestartRequired, Status = ConditionStatus.True },
            new VirtualMachineInstanceCondition { Type = ConditionTypes.Failure, Status = ConditionStatus.True },
        ];
        var vm = Vm(RunStrategy.Always);
        vm.Status!.Conditions = [new VirtualMachineCondition { Type = ConditionTypes.Paused, Status = ConditionStatus.True }];

        var status = Build(vm, vmi);

        Assert.Equal([ConditionTypes.AgentConnected, ConditionTypes.Ready], status.Conditions!.Select(c => c.Type).Order().ToList());
        var ready = Assert.Single(status.Conditions!, c => c.Type == ConditionTypes.Ready);
        Assert.Equal((ConditionStatus.False, ControllerMessages.VmiConditionMissingReason), (ready.Status, ready.Reason));
    }

    [Fact]
    public void A_stopped_vm_keeps_no_condition_of_its_former_vmi()
    {
        var vm = Vm(RunStrategy.Halted);
        vm.Status!.Conditions =
        [
            new VirtualMachineCondition { Type = ConditionTypes.Paused, Status = ConditionStatus.True, Reason = ConditionReasons.PausedByUser },
            new VirtualMachineCondition { Type = ConditionTypes.RestartRequired, Status = ConditionStatus.True },
        ];

        var status = Build(vm, null);

        Assert.Equal([ConditionTypes.Ready, ConditionTypes.RestartRequired], status.Conditions!.Select(c => c.Type).Order().ToList());
    }

    [Fact]
    public void Without_a_vmi_the_vm_is_not_ready_and_stopped()
    {
        var status = Build(Vm(RunStrategy.Halted), null);

        Assert.Equal((false, false, PrintableStatus.Stopped), (status.Created, status.Ready, status.PrintableStatus));
        var ready = Assert.Single(status.Conditions!);
        Assert.Equal((ConditionTypes.Ready, ConditionStatus.False, ControllerMessages.VmiNotExistsReason, ControllerMessages.VmiNotExistsMessage),
            (ready.Type, ready.Status, ready.Reason, ready.Message));
    }

    [Fact]
    public void An_unchanged_condition_keeps_its_transition_time()
    {
        var vm = Vm(RunStrategy.Halted);
        var earlier = Now.AddHours(-1);
        vm.Status!.Conditions =
        [
            new VirtualMachineCondition
            {
                Type = ConditionTypes.Ready, Status = ConditionStatus.False, Reason = ControllerMessages.VmiNotExistsReason,
                Message = ControllerMessages.VmiNotExistsMessage, LastTransitionTime = earlier, LastProbeTime = earlier,
            },
        ];

        Assert.Equal(earlier, Assert.Single(Build(vm, null).Conditions!).LastTransitionTime);
    }

    [Fact]
    public void The_run_strategy_is_recorded_from_the_first_creation_on()
    {
        Assert.Null(Build(Vm(RunStrategy.RerunOnFailure), null).RunStrategy);
        Assert.Equal(RunStrategy.RerunOnFailure, Build(Vm(RunStrategy.RerunOnFailure), Vmi("Pending")).RunStrategy);
        Assert.Equal(RunStrategy.Halted, Build(Vm(null, running: false, recorded: RunStrategy.Always), null).RunStrategy);
    }

    [Fact]
    public void A_done_stop_is_trimmed_and_the_start_of_a_restart_stays_queued()
    {
        var status = Build(Vm(RunStrategy.Manual, "restart"), null);

        var remaining = Assert.Single(status.StateChangeRequests!);
        Assert.Equal(StateChangeRequestAction.Start, remaining.Action);
    }

    [Fact]
    public void A_failure_to_create_shows_as_the_Failure_condition()
    {
        var vm = Vm(RunStrategy.Always);
        var status = new VirtualMachineStatus();
        VirtualMachineStatusBuilder.Apply(vm, status, null, new SyncFailure(ConditionReasons.FailedCreate, "boom"), false, false, Now);

        var failure = Assert.Single(status.Conditions!, c => c.Type == ConditionTypes.Failure);
        Assert.Equal((ConditionStatus.True, ConditionReasons.FailedCreate, "boom"), (failure.Status, failure.Reason, failure.Message));
    }

    private static VirtualMachineStatus Build(VirtualMachine vm, VirtualMachineInstance? vmi)
    {
        var status = VirtualMachineInstanceFactory.Copy(vm.Status ?? new VirtualMachineStatus());
        VirtualMachineStatusBuilder.Apply(vm, status, vmi, null, false, false, Now);
        return status;
    }
}
