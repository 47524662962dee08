using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Api.Tests.Conventions;

// Clients match on these texts, so each is pinned to KubeVirt's exact wording (reference sections 1 to 3).
public sealed class KubeVirtMessagesTests
{
    [Fact]
    public void The_paused_condition_texts_are_KubeVirts()
    {
        Assert.Equal("VMI was paused by user", KubeVirtMessages.PausedByUser);
        Assert.Equal("VMI was paused, low-level IO error detected", KubeVirtMessages.PausedIOError);
        Assert.Equal("VMI was paused by the migration monitor", KubeVirtMessages.PausedByMigrationMonitor);
        Assert.Equal("PausedByUser", ConditionReasons.PausedByUser);
    }

    [Fact]
    public void The_restart_refusal_keeps_KubeVirts_RunStategy_typo()
    {
        Assert.Equal("RunStategy Halted does not support manual restart requests", KubeVirtMessages.ManualRestartNotSupported(RunStrategy.Halted));
        Assert.Equal("RunStategy Once does not support manual restart requests", KubeVirtMessages.ManualRestartNotSupported(RunStrategy.Once));
    }

    [Fact]
    public void The_vm_controller_events_are_KubeVirts()
    {
        Assert.Equal(
            "Started the virtual machine by creating the new virtual machine instance my-vm",
            KubeVirtMessages.StartedByCreatingInstance("my-vm"));
        Assert.Equal(
            "Stopped the virtual machine by deleting the virtual machine instance 5f0c2c1e-0000-4000-8000-000000000001",
            KubeVirtMessages.StoppedByDeletingInstance("5f0c2c1e-0000-4000-8000-000000000001"));
    }

    [Fact]
    public void Start_refusals_name_the_run_strategy()
    {
        Assert.Equal("Always does not support manual start requests", KubeVirtMessages.ManualStartNotSupported(RunStrategy.Always));
        Assert.Equal("RerunOnFailure does not support starting VM from failed state", KubeVirtMessages.RerunOnFailureCannotStartFromFailed);
    }

    [Fact]
    public void Status_messages_follow_apimachinerys_formats()
    {
        Assert.Equal(
            "Operation cannot be fulfilled on virtualmachine.kubevirt.io \"my-vm\": VM is already running",
            KubeVirtMessages.Conflict(VirtualMachine.KubeSingularName, "my-vm", KubeVirtMessages.VmAlreadyRunning));
        Assert.Equal("virtualmachine.kubevirt.io \"my-vm\" not found", KubeVirtMessages.VirtualMachineNotFound("my-vm"));
        Assert.Equal("virtualmachineinstance.kubevirt.io \"testvmi\" not found", KubeVirtMessages.VirtualMachineInstanceNotFound("testvmi"));
        Assert.Equal(
            "virtualmachineinstance.kubevirt.io \"testvmi\" is forbidden: Pausing VMIs with a non-GuestAgentPing LivenessProbe is not supported",
            KubeVirtMessages.Forbidden(VirtualMachineInstance.KubeSingularName, "testvmi", KubeVirtMessages.PauseWithLivenessProbeNotSupported));
        Assert.Equal(
            "Internal error occurred: unable to complete request: stop/start already underway",
            KubeVirtMessages.InternalError(KubeVirtMessages.StopStartAlreadyUnderway));
        Assert.Equal("Can not unmarshal Request body to struct, error: unexpected EOF", KubeVirtMessages.CannotUnmarshalBody("unexpected EOF"));
        Assert.Equal(
            "unexpected return code 500 (500 Internal Server Error), message: boom",
            KubeVirtMessages.UnexpectedHandlerReturnCode(500, "500 Internal Server Error", "boom"));
    }

    [Fact]
    public void Stop_pause_and_rename_texts_are_KubeVirts()
    {
        Assert.Equal("VM is not running", KubeVirtMessages.VmNotRunning);
        Assert.Equal("VM is not running: Halted", KubeVirtMessages.VmNotRunningHalted);
        Assert.Equal("Halted only supports manual stop requests with a shorter graceperiod", KubeVirtMessages.HaltedStopNeedsShorterGracePeriod);
        Assert.Equal("For force restart, only gracePeriod=0 is supported for now", KubeVirtMessages.ForceRestartOnlyGracePeriodZero);
        Assert.Equal("gracePeriod has to be greater or equal to 0", KubeVirtMessages.GracePeriodNotNegative);
        Assert.Equal("VMI is already paused", KubeVirtMessages.VmiAlreadyPaused);
        Assert.Equal("VMI is not paused", KubeVirtMessages.VmiNotPaused);
        Assert.Equal("VMI is not running", KubeVirtMessages.VmiNotRunning);
        Assert.Equal("Renaming a running VM is not allowed", KubeVirtMessages.RenameRunningVmNotAllowed);
        Assert.Equal("Please provide a new name for the VM", KubeVirtMessages.RenameNewNameMissing);
        Assert.Equal("VM my-vm was scheduled to start", KubeVirtMessages.VmScheduledTo("my-vm", "start"));
    }

    [Fact]
    public void The_default_grace_period_is_KubeVirts_30_seconds()
    {
        Assert.Equal(30, KubeVirtDefaults.DefaultGracePeriodSeconds);
    }
}
