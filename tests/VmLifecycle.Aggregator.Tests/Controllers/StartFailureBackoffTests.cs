using Microsoft.Extensions.Options;
using VmLifecycle.Aggregator.Controllers;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;
using static VmLifecycle.Aggregator.Tests.Controllers.ControllerObjects;

namespace VmLifecycle.Aggregator.Tests.Controllers;

/// <summary>virt-controller's crash loop back-off: status.startFailure and the delay before the next VMI.</summary>
public sealed class StartFailureBackoffTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(300);

    private readonly StartFailureBackoff _backoff = new(Options.Create(new ControllerOptions()));

    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 10)]
    [InlineData(2, 40)]
    [InlineData(3, 90)]
    [InlineData(4, 160)]
    [InlineData(5, 250)]
    [InlineData(6, 300)]
    [InlineData(50, 300)]
    public void The_delay_grows_with_the_square_of_the_failures_up_to_the_cap(int failures, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), StartFailureBackoff.Delay(failures, Interval, Max, 0));
    }

    [Theory]
    [InlineData(1, 0.5, 12.5)]
    [InlineData(1, 1, 15)]
    [InlineData(3, 1, 135)]
    [InlineData(5, 1, 300)]
    public void The_jitter_adds_up_to_half_of_the_delay_within_the_cap(int failures, double jitter, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), StartFailureBackoff.Delay(failures, Interval, Max, jitter));
    }

    [Fact]
    public void A_failed_vmi_is_counted_once_with_its_uid_and_a_retry_time()
    {
        var vm = Vm(RunStrategy.Always);
        var failed = Failed("vmi-1", Now.AddSeconds(-5));

        var first = _backoff.Sync(vm, null, failed, Now)!;
        Assert.Equal((1, "vmi-1"), (first.ConsecutiveFailCount, first.LastFailedVMIUID));
        Assert.InRange(first.RetryAfterTimestamp!.Value, Now.AddSeconds(10), Now.AddSeconds(15));
        Assert.Same(first, _backoff.Sync(vm, first, failed, Now.AddSeconds(1)));

        var second = _backoff.Sync(vm, first, Failed("vmi-2", Now.AddSeconds(10)), Now.AddSeconds(20))!;
        Assert.Equal((2, "vmi-2"), (second.ConsecutiveFailCount, second.LastFailedVMIUID));
        Assert.InRange(second.RetryAfterTimestamp!.Value, Now.AddSeconds(60), Now.AddSeconds(80));
    }

    [Theory]
    [InlineData(RunStrategy.Manual)]
    [InlineData(RunStrategy.Halted)]
    [InlineData(RunStrategy.Once)]
    public void Strategies_that_do_not_restart_by_themselves_record_no_start_failure(RunStrategy strategy)
    {
        Assert.Null(_backoff.Sync(Vm(strategy), null, Failed("vmi-1", Now), Now));
    }

    [Fact]
    public void A_vmi_running_long_enough_clears_the_count_and_a_later_failure_starts_again_at_one()
    {
        var vm = Vm(RunStrategy.RerunOnFailure);
        var current = new VirtualMachineStartFailure { ConsecutiveFailCount = 4, LastFailedVMIUID = "vmi-1", RetryAfterTimestamp = Now };
        vm.Status!.StartFailure = current;
        var running = Running("vmi-2", Now.AddMinutes(-1));

        Assert.Same(current, _backoff.Sync(vm, current, running, Now));
        Assert.Equal(TimeSpan.FromMinutes(4), _backoff.ResetIn(vm, running, Now));
        Assert.Null(_backoff.Sync(vm, current, running, Now.AddMinutes(4)));
        Assert.Null(_backoff.ResetIn(vm, running, Now.AddMinutes(4)));

        Assert.Equal(1, _backoff.Sync(vm, current, Failed("vmi-2", Now.AddMinutes(-6)), Now)!.ConsecutiveFailCount);
        Assert.Null(_backoff.Sync(vm, current, WithPhase("vmi-2", Now, VirtualMachineInstancePhase.Succeeded), Now));
    }

    [Fact]
    public void Creation_waits_until_the_retry_time_only_for_strategies_that_back_off()
    {
        var vm = Vm(RunStrategy.Always);
        vm.Status!.StartFailure = new VirtualMachineStartFailure { ConsecutiveFailCount = 1, LastFailedVMIUID = "vmi-1", RetryAfterTimestamp = Now.AddSeconds(12) };

        Assert.Equal(TimeSpan.FromSeconds(12), StartFailureBackoff.RetryIn(vm, Now));
        Assert.Null(StartFailureBackoff.RetryIn(vm, Now.AddSeconds(12)));
        vm.Spec.RunStrategy = RunStrategy.Manual;
        Assert.Null(StartFailureBackoff.RetryIn(vm, Now));
    }

    private static VirtualMachineInstance Failed(string uid, DateTime created) => WithPhase(uid, created, VirtualMachineInstancePhase.Failed);

    private static VirtualMachineInstance Running(string uid, DateTime created) => WithPhase(uid, created, VirtualMachineInstancePhase.Running);

    private static VirtualMachineInstance WithPhase(string uid, DateTime created, VirtualMachineInstancePhase phase)
    {
        var vmi = Vmi("unset")!;
        vmi.Metadata.Uid = uid;
        vmi.Metadata.CreationTimestamp = created;
        vmi.Status!.Phase = phase;
        return vmi;
    }
}
