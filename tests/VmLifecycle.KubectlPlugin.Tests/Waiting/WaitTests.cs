using VmLifecycle.KubectlPlugin.Tests.TestSupport;
using static VmLifecycle.KubectlPlugin.Tests.TestSupport.Resources;

namespace VmLifecycle.KubectlPlugin.Tests.Waiting;

// --wait lists the object by name, then watches from the list's resourceVersion until the state is reached.
public sealed class WaitTests : IAsyncLifetime
{
    private static readonly TimeSpan Soon = TimeSpan.FromMilliseconds(50);
    private PluginHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await PluginHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    private void AcceptPut(string path) => _harness.Server.On("PUT", SubresourcePath + path, ScriptedResponse.Json(202, ""));

    [Fact]
    public async Task Start_waits_for_running_through_the_watch_and_prints_no_progress_when_not_a_terminal()
    {
        AcceptPut("/virtualmachines/my-vm/start");
        _harness.Server.On("GET", VmPath + NameSelector("my-vm"), ScriptedResponse.Json(200, List("VirtualMachineList", "10", Vm("my-vm", printableStatus: "Stopped"))));
        _harness.Server.On("GET", VmPath + Watch("my-vm", "10"), ScriptedResponse.Watch([
            (Soon, Event("MODIFIED", Vm("my-vm", printableStatus: "Starting", rv: "11"))),
            (Soon, Event("BOOKMARK", """{"kind":"VirtualMachine","apiVersion":"kubevirt.io/v1","metadata":{"resourceVersion":"12"}}""")),
            (Soon, Event("MODIFIED", Vm("my-vm", printableStatus: "Running", rv: "13"))),
        ]));

        var run = await _harness.RunAsync("start", "my-vm", "--wait");

        Assert.Equal((0, "", "VM my-vm was scheduled to start\n"), (run.ExitCode, run.Error, run.Out));
        Assert.Equal(3, _harness.Server.Requests.Count);
    }

    [Fact]
    public async Task Start_paused_waits_for_paused_and_shows_one_progress_line_on_a_terminal()
    {
        AcceptPut("/virtualmachines/my-vm/start");
        _harness.Server.On("GET", VmPath + NameSelector("my-vm"), ScriptedResponse.Json(200, List("VirtualMachineList", "10", Vm("my-vm", printableStatus: "Starting"))));
        _harness.Server.On("GET", VmPath + Watch("my-vm", "10"), ScriptedResponse.Watch([(Soon, Event("MODIFIED", Vm("my-vm", printableStatus: "Paused", rv: "11")))]));

        var run = await _harness.RunOnTerminalAsync(TimeProvider.System, "start", "my-vm", "--paused", "--wait=1m");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("VM my-vm was scheduled to start\n\rWaiting for VM my-vm to be Paused: Starting (0s)", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', run.Out.Split('\n', 2)[1]);
        Assert.EndsWith("\r", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wait_that_times_out_fails_with_the_last_state()
    {
        AcceptPut("/virtualmachines/my-vm/start");
        _harness.Server.On("GET", VmPath + NameSelector("my-vm"), ScriptedResponse.Json(200, List("VirtualMachineList", "10", Vm("my-vm", printableStatus: "Starting"))));
        _harness.Server.On("GET", VmPath + Watch("my-vm", "10"), ScriptedResponse.Watch([]));

        var run = await _harness.RunAsync("start", "my-vm", "--wait=1s");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("VM my-vm was scheduled to start\n", run.Out);
        Assert.Equal("timed out after 1s waiting for VM my-vm to be Running (last seen: Starting)\n", run.Error);
    }

    [Fact]
    public async Task Stop_relists_when_the_server_ends_the_watch()
    {
        AcceptPut("/virtualmachines/my-vm/stop");
        _harness.Server.On("GET", VmPath + NameSelector("my-vm"),
            ScriptedResponse.Json(200, List("VirtualMachineList", "10", Vm("my-vm", printableStatus: "Stopping"))),
            ScriptedResponse.Json(200, List("VirtualMachineList", "20", Vm("my-vm", printableStatus: "Stopped", rv: "20"))));
        _harness.Server.On("GET", VmPath + Watch("my-vm", "10"), ScriptedResponse.Watch([], close: true));

        var run = await _harness.RunAsync("stop", "my-vm", "--wait");

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Equal(2, _harness.Server.Requests.Count(r => r.Query == NameSelector("my-vm")));
    }

    [Fact]
    public async Task An_expired_watch_is_restarted_from_a_new_list()
    {
        AcceptPut("/virtualmachines/my-vm/stop");
        _harness.Server.On("GET", VmPath + NameSelector("my-vm"),
            ScriptedResponse.Json(200, List("VirtualMachineList", "10", Vm("my-vm", printableStatus: "Stopping"))),
            ScriptedResponse.Json(200, List("VirtualMachineList", "30", Vm("my-vm", printableStatus: "Stopping", rv: "30"))));
        _harness.Server.On("GET", VmPath + Watch("my-vm", "10"), ScriptedResponse.Watch([
            (Soon, Event("ERROR", """{"kind":"Status","apiVersion":"v1","status":"Failure","message":"too old resource version: 10 (25)","reason":"Expired","code":410}""")),
        ]));
        _harness.Server.On("GET", VmPath + Watch("my-vm", "30"), ScriptedResponse.Watch([(Soon, Event("MODIFIED", Vm("my-vm", printableStatus: "Stopped", rv: "31")))]));

        var run = await _harness.RunAsync("stop", "my-vm", "--wait");

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
    }

    [Fact]
    public async Task Restart_waits_for_a_new_instance_to_run()
    {
        AcceptPut("/virtualmachines/my-vm/restart");
        _harness.Server.On("GET", VmiPath + "/my-vm", ScriptedResponse.Json(200, Vmi("my-vm", "old-uid", "Running")));
        _harness.Server.On("GET", VmiPath + NameSelector("my-vm"), ScriptedResponse.Json(200, List("VirtualMachineInstanceList", "10", Vmi("my-vm", "old-uid", "Running"))));
        _harness.Server.On("GET", VmiPath + Watch("my-vm", "10"), ScriptedResponse.Watch([
            (Soon, Event("DELETED", Vmi("my-vm", "old-uid", "Running", rv: "11"))),
            (Soon, Event("ADDED", Vmi("my-vm", "new-uid", "Scheduling", rv: "12"))),
            (Soon, Event("MODIFIED", Vmi("my-vm", "new-uid", "Running", rv: "13"))),
        ]));

        var run = await _harness.RunAsync("restart", "my-vm", "--wait");

        Assert.Equal((0, "", "VM my-vm was scheduled to restart\n"), (run.ExitCode, run.Error, run.Out));
    }

    [Theory]
    [InlineData("pause", false, true)]
    [InlineData("unpause", true, false)]
    public async Task Pause_and_unpause_wait_for_the_paused_condition(string command, bool before, bool after)
    {
        _harness.Server.On("PUT", SubresourcePath + $"/virtualmachineinstances/testvm/{command}", ScriptedResponse.Json(200, ""));
        _harness.Server.On("GET", VmiPath + NameSelector("testvm"), ScriptedResponse.Json(200, List("VirtualMachineInstanceList", "10", Vmi("testvm", "u", "Running", paused: before))));
        _harness.Server.On("GET", VmiPath + Watch("testvm", "10"), ScriptedResponse.Watch([(Soon, Event("MODIFIED", Vmi("testvm", "u", "Running", paused: after, rv: "11")))]));

        var run = await _harness.RunAsync(command, "vmi", "testvm", "--wait");

        Assert.Equal((0, "", $"VMI testvm was scheduled to {command}\n"), (run.ExitCode, run.Error, run.Out));
    }

    [Fact]
    public async Task Rename_waits_for_the_new_vm_and_for_the_old_one_to_go()
    {
        AcceptPut("/virtualmachines/old/rename");
        _harness.Server.On("GET", VmPath + NameSelector("new"), ScriptedResponse.Json(200, List("VirtualMachineList", "10")));
        _harness.Server.On("GET", VmPath + Watch("new", "10"), ScriptedResponse.Watch([(Soon, Event("ADDED", Vm("new", rv: "11")))]));
        _harness.Server.On("GET", VmPath + NameSelector("old"), ScriptedResponse.Json(200, List("VirtualMachineList", "11", Vm("old", rv: "9"))));
        _harness.Server.On("GET", VmPath + Watch("old", "11"), ScriptedResponse.Watch([(Soon, Event("DELETED", Vm("old", rv: "12")))]));

        var run = await _harness.RunAsync("rename", "old", "new", "--wait");

        Assert.Equal((0, "", "VM old was scheduled to rename\n"), (run.ExitCode, run.Error, run.Out));
    }

    [Fact]
    public async Task Dry_run_does_not_wait()
    {
        AcceptPut("/virtualmachines/my-vm/start");

        var run = await _harness.RunAsync("start", "my-vm", "--wait", "--dry-run");

        Assert.Equal(0, run.ExitCode);
        Assert.Single(_harness.Server.Requests);
    }
}
