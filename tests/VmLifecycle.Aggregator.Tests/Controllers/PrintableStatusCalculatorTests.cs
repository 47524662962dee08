using VmLifecycle.Aggregator.Controllers;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;
using static VmLifecycle.Aggregator.Tests.Controllers.ControllerObjects;

namespace VmLifecycle.Aggregator.Tests.Controllers;

/// <summary>KubeVirt's printableStatus precedence (kubevirt-api.md §3), for every strategy and VMI state.</summary>
public sealed class PrintableStatusCalculatorTests
{
    private static readonly Dictionary<string, PrintableStatus> ByVmiState = new()
    {
        ["none"] = PrintableStatus.Stopped,
        ["unset"] = PrintableStatus.Starting,
        ["Pending"] = PrintableStatus.Starting,
        ["Scheduling"] = PrintableStatus.Starting,
        ["Scheduled"] = PrintableStatus.Starting,
        ["Running"] = PrintableStatus.Running,
        ["Paused"] = PrintableStatus.Paused,
        ["Succeeded"] = PrintableStatus.Stopped,
        ["Failed"] = PrintableStatus.Stopped,
        ["Unknown"] = PrintableStatus.Unknown,
        ["Deleting"] = PrintableStatus.Stopping,
    };

    public static TheoryData<RunStrategy, string, string, PrintableStatus> Cases()
    {
        var data = new TheoryData<RunStrategy, string, string, PrintableStatus>();
        foreach (var strategy in Enum.GetValues<RunStrategy>())
        {
            foreach (var request in (string[])["none", "start", "stop-this"])
            {
                foreach (var (state, expected) in ByVmiState)
                {
                    data.Add(strategy, request, state, expected);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Follows_the_vmi_whatever_the_strategy_and_request(RunStrategy strategy, string request, string vmiState, PrintableStatus expected)
    {
        Assert.Equal(expected, PrintableStatusCalculator.Calculate(Vm(strategy, request), Vmi(vmiState), startExpected: false, stopExpected: false));
    }

    [Fact]
    public void Terminating_wins_over_everything()
    {
        var vm = Vm(RunStrategy.Always);
        vm.Metadata.DeletionTimestamp = DateTime.UtcNow;

        Assert.Equal(PrintableStatus.Terminating, PrintableStatusCalculator.Calculate(vm, Vmi("Paused"), false, true));
    }

    [Fact]
    public void A_sent_deletion_shows_Stopping_before_a_sent_creation_shows_Starting()
    {
        Assert.Equal(PrintableStatus.Stopping, PrintableStatusCalculator.Calculate(Vm(RunStrategy.Manual), Vmi("Running"), false, stopExpected: true));
        Assert.Equal(PrintableStatus.Starting, PrintableStatusCalculator.Calculate(Vm(RunStrategy.Manual), null, startExpected: true, false));
        Assert.Equal(PrintableStatus.Stopped, PrintableStatusCalculator.Calculate(Vm(RunStrategy.Manual), Vmi("Failed"), false, stopExpected: true));
    }

    [Fact]
    public void An_unschedulable_vmi_shows_ErrorUnschedulable_rather_than_Starting()
    {
        var vmi = Vmi("Pending")!;
        vmi.Status!.Conditions = [new VirtualMachineInstanceCondition { Type = ConditionTypes.PodScheduled, Status = ConditionStatus.False, Reason = ConditionReasons.Unschedulable }];

        Assert.Equal(PrintableStatus.ErrorUnschedulable, PrintableStatusCalculator.Calculate(Vm(RunStrategy.Always), vmi, false, false));
    }

    [Theory]
    [InlineData(PrintableStatusCalculator.ErrImagePullReason, PrintableStatus.ErrImagePull)]
    [InlineData(PrintableStatusCalculator.ImagePullBackOffReason, PrintableStatus.ImagePullBackOff)]
    [InlineData(PrintableStatusCalculator.FailedPvcNotFoundReason, PrintableStatus.ErrorPvcNotFound)]
    public void Synchronized_errors_show_before_Starting(string reason, PrintableStatus expected)
    {
        var vmi = Vmi("Scheduled")!;
        vmi.Status!.Conditions = [new VirtualMachineInstanceCondition { Type = ConditionTypes.Synchronized, Status = ConditionStatus.False, Reason = reason }];

        Assert.Equal(expected, PrintableStatusCalculator.Calculate(Vm(RunStrategy.Always), vmi, false, false));
    }

    [Theory]
    [InlineData(RunStrategy.Always, PrintableStatus.CrashLoopBackOff)]
    [InlineData(RunStrategy.RerunOnFailure, PrintableStatus.CrashLoopBackOff)]
    [InlineData(RunStrategy.Once, PrintableStatus.CrashLoopBackOff)]
    [InlineData(RunStrategy.Manual, PrintableStatus.Stopped)]
    [InlineData(RunStrategy.Halted, PrintableStatus.Stopped)]
    public void Start_failures_show_CrashLoopBackOff_only_for_strategies_that_restart_by_themselves(RunStrategy strategy, PrintableStatus expected)
    {
        var vm = Vm(strategy);
        vm.Status!.StartFailure = new VirtualMachineStartFailure { ConsecutiveFailCount = 2 };

        Assert.Equal(expected, PrintableStatusCalculator.Calculate(vm, Vmi("Failed"), false, false));
    }

    [Theory]
    [InlineData(RunStrategy.Always)]
    [InlineData(RunStrategy.RerunOnFailure)]
    public void A_vm_waiting_out_its_start_failure_back_off_shows_CrashLoopBackOff(RunStrategy strategy)
    {
        var vm = Vm(strategy);
        vm.Status!.StartFailure = new VirtualMachineStartFailure { ConsecutiveFailCount = 1, LastFailedVMIUID = "failed", RetryAfterTimestamp = DateTime.UtcNow.AddMinutes(1) };

        Assert.Equal(PrintableStatus.CrashLoopBackOff, PrintableStatusCalculator.Calculate(vm, null, false, false));
        Assert.Equal(PrintableStatus.Starting, PrintableStatusCalculator.Calculate(vm, null, true, false));
        Assert.Equal(PrintableStatus.Starting, PrintableStatusCalculator.Calculate(vm, Vmi("Pending"), false, false));
        Assert.Equal(PrintableStatus.Running, PrintableStatusCalculator.Calculate(vm, Vmi("Running"), false, false));
    }

    [Fact]
    public void A_start_failure_without_failures_is_no_crash_loop()
    {
        var vm = Vm(RunStrategy.Always);
        vm.Status!.StartFailure = new VirtualMachineStartFailure();

        Assert.Equal(PrintableStatus.Stopped, PrintableStatusCalculator.Calculate(vm, null, false, false));
    }
}
