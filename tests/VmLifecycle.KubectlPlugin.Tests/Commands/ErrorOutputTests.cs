using VmLifecycle.KubectlPlugin.Tests.TestSupport;
using static VmLifecycle.KubectlPlugin.Tests.TestSupport.Resources;

namespace VmLifecycle.KubectlPlugin.Tests.Commands;

// Server errors: virtctl's prefix and the Status message on stderr, exit 1, nothing on stdout.
public sealed class ErrorOutputTests : IAsyncLifetime
{
    private PluginHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await PluginHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_server_that_is_not_listening_is_described_in_words_as_kubectl_does()
    {
        // A port that was free a moment ago: nothing listens there.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var kubeconfig = _harness.Directory.File("closed-kubeconfig", KubeconfigYaml.Single($"https://127.0.0.1:{port}", _harness.Pki.CaFile, PluginHarness.Token, PluginHarness.Namespace));

        var run = await PluginRunner.RunAsync(new Dictionary<string, string> { ["KUBECONFIG"] = kubeconfig }, _harness.Directory.Path, ["start", "my-vm"]);

        Assert.Equal((1, ""), (run.ExitCode, run.Out));
        Assert.Equal("Error starting VirtualMachine Unable to connect to the server: connect: connection refused\n", run.Error);
    }

    [Fact]
    public async Task A_missing_vm_prints_the_not_found_status()
    {
        _harness.Server.On("PUT", SubresourcePath + "/virtualmachines/nope/start", ScriptedResponse.Status(404, "NotFound", "virtualmachine.kubevirt.io \"nope\" not found"));

        var run = await _harness.RunAsync("start", "nope");

        Assert.Equal((1, ""), (run.ExitCode, run.Out));
        Assert.Equal("Error starting VirtualMachine virtualmachine.kubevirt.io \"nope\" not found\n", run.Error);
    }

    [Fact]
    public async Task A_forbidden_user_sees_the_forbidden_status()
    {
        const string message = "virtualmachines.subresources.kubevirt.io \"my-vm\" is forbidden: User \"viewer\" cannot update resource \"virtualmachines/stop\" in API group \"subresources.kubevirt.io\" in the namespace \"testns\"";
        _harness.Server.On("PUT", SubresourcePath + "/virtualmachines/my-vm/stop", ScriptedResponse.Status(403, "Forbidden", message));

        var run = await _harness.RunAsync("stop", "my-vm");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error stopping VirtualMachine " + message + "\n", run.Error);
    }

    [Theory]
    [InlineData("stop", "error force stopping VirtualMachine: ")]
    [InlineData("restart", "Error restarting VirtualMachine, ")]
    public async Task Forced_requests_use_virtctls_force_prefixes(string command, string prefix)
    {
        _harness.Server.On("PUT", SubresourcePath + $"/virtualmachines/my-vm/{command}", ScriptedResponse.Status(409, "Conflict", "VM is not running"));

        var run = await _harness.RunAsync(command, "my-vm", "--grace-period", "0", "--force");

        Assert.Equal((1, prefix + "VM is not running\n"), (run.ExitCode, run.Error));
    }

    [Theory]
    [InlineData("restart", "Error restarting VirtualMachine ")]
    [InlineData("rename", "Error renaming VirtualMachine ")]
    public async Task Other_commands_use_virtctls_prefixes(string command, string prefix)
    {
        _harness.Server.On("PUT", SubresourcePath + $"/virtualmachines/my-vm/{command}", ScriptedResponse.Status(409, "Conflict", "conflict"));

        var run = await _harness.RunAsync(command == "rename" ? [command, "my-vm", "new"] : [command, "my-vm"]);

        Assert.Equal((1, prefix + "conflict\n"), (run.ExitCode, run.Error));
    }

    [Fact]
    public async Task Pause_vmi_of_a_missing_instance_prints_the_status()
    {
        _harness.Server.On("PUT", SubresourcePath + "/virtualmachineinstances/gone/pause", ScriptedResponse.Status(404, "NotFound", "virtualmachineinstance.kubevirt.io \"gone\" not found"));

        var run = await _harness.RunAsync("pause", "vmi", "gone");

        Assert.Equal((1, "Error pausing VirtualMachineInstance gone: virtualmachineinstance.kubevirt.io \"gone\" not found\n"), (run.ExitCode, run.Error));
    }

    [Theory]
    [InlineData("pause", "pausing")]
    [InlineData("unpause", "unpausing")]
    public async Task Pause_vm_of_a_halted_vm_says_it_is_not_set_to_run(string command, string gerund)
    {
        _harness.Server.On("GET", VmPath + "/testvm", ScriptedResponse.Json(200, Vm("testvm", "Halted")));

        var run = await _harness.RunAsync(command, "vm", "testvm");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"Error {gerund} VirtualMachineInstance testvm. VirtualMachine testvm is not set to run\n", run.Error);
        Assert.Single(_harness.Server.Requests);
    }

    [Fact]
    public async Task Pause_vm_without_an_instance_says_it_was_not_found()
    {
        _harness.Server.On("GET", VmPath + "/testvm", ScriptedResponse.Json(200, Vm("testvm", "Manual")));
        _harness.Server.On("PUT", SubresourcePath + "/virtualmachineinstances/testvm/pause", ScriptedResponse.Status(404, "NotFound", "virtualmachineinstance.kubevirt.io \"testvm\" not found"));

        var run = await _harness.RunAsync("pause", "vm", "testvm");

        Assert.Equal((1, "Error pausing VirtualMachineInstance testvm, it was not found\n"), (run.ExitCode, run.Error));
    }

    [Fact]
    public async Task Pause_vm_of_a_missing_vm_says_so()
    {
        _harness.Server.On("GET", VmPath + "/nope", ScriptedResponse.Status(404, "NotFound", "virtualmachine.kubevirt.io \"nope\" not found"));

        var run = await _harness.RunAsync("unpause", "vm", "nope");

        Assert.Equal((1, "Error getting VirtualMachine nope: virtualmachine.kubevirt.io \"nope\" not found\n"), (run.ExitCode, run.Error));
    }

    [Fact]
    public async Task A_non_status_error_body_still_prints_a_message()
    {
        _harness.Server.On("PUT", SubresourcePath + "/virtualmachines/my-vm/start", ScriptedResponse.Json(503, "service unavailable"));

        var run = await _harness.RunAsync("start", "my-vm");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("Error starting VirtualMachine an error on the server (\"service unavailable\") has prevented the request from succeeding\n", run.Error);
    }

    [Fact]
    public async Task A_configuration_error_is_printed_like_kubectl()
    {
        var run = await _harness.RunAsync("start", "my-vm", "--context", "missing");

        Assert.Equal((1, "error: context \"missing\" does not exist\n"), (run.ExitCode, run.Error));
    }

    [Fact]
    public async Task The_request_timeout_bounds_a_slow_server()
    {
        _harness.Server.On("PUT", SubresourcePath + "/virtualmachines/my-vm/start", ScriptedResponse.Slow(TimeSpan.FromSeconds(30), ScriptedResponse.Json(202, "")));

        var run = await _harness.RunAsync("start", "my-vm", "--request-timeout=1s");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("Error starting VirtualMachine PUT https://127.0.0.1:", run.Error, StringComparison.Ordinal);
        Assert.EndsWith(": context deadline exceeded (Client.Timeout exceeded while awaiting headers)\n", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--cluster", "cluster \"nope\" does not exist")]
    [InlineData("--user", "auth info \"nope\" does not exist")]
    public async Task Unknown_clusters_and_users_fail_with_kubectls_message(string flag, string message)
    {
        var run = await _harness.RunAsync("start", "my-vm", flag, "nope");

        Assert.Equal((1, "error: " + message + "\n"), (run.ExitCode, run.Error));
        Assert.Empty(_harness.Server.Requests);
    }
}
