using VmLifecycle.Aggregator.Controllers;
using VmLifecycle.Api.VirtualMachines;
using static VmLifecycle.Aggregator.Tests.Controllers.ControllerObjects;

namespace VmLifecycle.Aggregator.Tests.Controllers;

/// <summary>virt-controller's syncRunStrategy for every run strategy, first request and VMI state (kubevirt-api.md §4).</summary>
public sealed class RunStrategyPolicyTests
{
    private const string N = nameof(VmAction.None);
    private const string C = nameof(VmAction.CreateVmi);
    private const string D = nameof(VmAction.DeleteVmi);
    private const string R = nameof(VmAction.DeleteVmiAndQueueStart);
    private const string A = nameof(VmAction.SwitchToAlways);

    private static readonly string[] Requests = ["none", "start", "start-paused", "stop-this", "stop-other"];

    // Rows: VMI state; columns: the requests above. RerunOnFailure as after its first start (status.runStrategy recorded).
    private static readonly Dictionary<RunStrategy, Dictionary<string, string[]>> Table = new()
    {
        [RunStrategy.Always] = new()
        {
            ["none"] = [C, C, C, C, C],
            ["Running"] = [N, N, N, D, N],
            ["Succeeded"] = [D, D, D, D, D],
            ["Failed"] = [D, D, D, D, D],
            ["Deleting"] = [N, N, N, N, N],
        },
        [RunStrategy.RerunOnFailure] = new()
        {
            ["none"] = [N, C, C, N, N],
            ["Running"] = [N, N, N, D, N],
            ["Succeeded"] = [D, D, D, D, D],
            ["Failed"] = [R, R, R, R, R],
            ["Deleting"] = [N, N, N, N, N],
        },
        [RunStrategy.Manual] = new()
        {
            ["none"] = [N, C, C, N, N],
            ["Running"] = [N, N, N, D, N],
            ["Succeeded"] = [N, N, N, D, N],
            ["Failed"] = [N, N, N, D, N],
            ["Deleting"] = [N, N, N, N, N],
        },
        [RunStrategy.Halted] = new()
        {
            ["none"] = [N, A, A, N, N],
            ["Running"] = [D, D, D, D, D],
            ["Succeeded"] = [D, D, D, D, D],
            ["Failed"] = [D, D, D, D, D],
            ["Deleting"] = [N, N, N, N, N],
        },
        [RunStrategy.Once] = new()
        {
            ["none"] = [C, C, C, C, C],
            ["Running"] = [N, N, N, N, N],
            ["Succeeded"] = [N, N, N, N, N],
            ["Failed"] = [N, N, N, N, N],
            ["Deleting"] = [N, N, N, N, N],
        },
    };

    public static TheoryData<RunStrategy, string, string, string> Cases()
    {
        var data = new TheoryData<RunStrategy, string, string, string>();
        foreach (var (strategy, rows) in Table)
        {
            foreach (var (vmiState, expected) in rows)
            {
                for (var i = 0; i < Requests.Length; i++)
                {
                    data.Add(strategy, Requests[i], vmiState, expected[i]);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_as_virt_controller_for_every_strategy_request_and_vmi_state(RunStrategy strategy, string request, string vmiState, string expected)
    {
        var vm = Vm(strategy, request, recorded: strategy);

        Assert.Equal(expected, RunStrategyPolicy.Decide(vm, Vmi(vmiState)).ToString());
    }

    [Fact]
    public void RerunOnFailure_starts_a_vm_that_never_ran_under_it_without_a_request()
    {
        Assert.Equal(VmAction.CreateVmi, RunStrategyPolicy.Decide(Vm(RunStrategy.RerunOnFailure, recorded: null), null));
        Assert.Equal(VmAction.CreateVmi, RunStrategyPolicy.Decide(Vm(RunStrategy.RerunOnFailure, recorded: RunStrategy.Manual), null));
    }

    [Theory]
    [InlineData(true, null, RunStrategy.Always)]
    [InlineData(false, null, RunStrategy.Halted)]
    [InlineData(null, null, RunStrategy.Halted)]
    [InlineData(null, RunStrategy.Manual, RunStrategy.Manual)]
    public void The_deprecated_running_field_means_Always_or_Halted(bool? running, RunStrategy? runStrategy, RunStrategy expected)
    {
        Assert.Equal(expected, RunStrategyPolicy.EffectiveRunStrategy(Vm(runStrategy, running: running)));
    }

    [Fact]
    public void Running_true_keeps_a_vmi_running_like_Always()
    {
        Assert.Equal(VmAction.CreateVmi, RunStrategyPolicy.Decide(Vm(null, running: true), null));
        Assert.Equal(VmAction.DeleteVmi, RunStrategyPolicy.Decide(Vm(null, running: false), Vmi("Running")));
    }

    [Theory]
    [InlineData("stop-this", "none", true)]
    [InlineData("stop-this", "Running", false)]
    [InlineData("stop-this", "Deleting", false)]
    [InlineData("stop-other", "Running", true)]
    [InlineData("stop-no-uid", "Running", true)]
    [InlineData("start", "none", false)]
    [InlineData("start", "Pending", true)]
    [InlineData("start", "Running", true)]
    [InlineData("start", "Failed", false)]
    [InlineData("start", "Deleting", false)]
    [InlineData("restart", "Running", false)]
    [InlineData("restart", "none", true)]
    public void The_first_request_is_trimmed_once_done_and_only_the_first(string request, string vmiState, bool trimmed)
    {
        Assert.Equal(trimmed, StateChangeRequests.IsFirstDone(Vm(RunStrategy.Manual, request), Vmi(vmiState)));
    }

    [Fact]
    public void Only_the_first_request_counts()
    {
        var vm = Vm(RunStrategy.Manual, "restart");

        Assert.True(StateChangeRequests.HasStopRequestFor(vm, Vmi("Running")!));
        Assert.False(StateChangeRequests.HasStartRequest(vm));
    }

    [Fact]
    public void A_stop_request_matches_only_the_exact_uid()
    {
        Assert.False(StateChangeRequests.HasStopRequestFor(Vm(RunStrategy.Manual, "stop-other"), Vmi("Running")!));
        Assert.False(StateChangeRequests.HasStopRequestFor(Vm(RunStrategy.Manual, "stop-no-uid"), Vmi("Running")!));
    }
}
