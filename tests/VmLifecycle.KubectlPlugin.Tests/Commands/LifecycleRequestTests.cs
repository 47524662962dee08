using VmLifecycle.KubectlPlugin.Tests.TestSupport;
using static VmLifecycle.KubectlPlugin.Tests.TestSupport.Resources;

namespace VmLifecycle.KubectlPlugin.Tests.Commands;

// Each command sends virtctl's request (method, path, JSON body) and prints virtctl's success line.
public sealed class LifecycleRequestTests : IAsyncLifetime
{
    private PluginHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await PluginHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    [InlineData("VM my-vm was scheduled to start\n", "/virtualmachines/my-vm/start", "{}", "start", "my-vm")]
    [InlineData("VM my-vm was scheduled to start\n", "/virtualmachines/my-vm/start", """{"paused":true}""", "start", "my-vm", "--paused")]
    [InlineData("VM my-vm was scheduled to start\n", "/virtualmachines/my-vm/start", """{"paused":true,"dryRun":["All"]}""", "start", "--dry-run", "my-vm", "--paused")]
    [InlineData("VM my-vm was scheduled to stop\n", "/virtualmachines/my-vm/stop", "{}", "stop", "my-vm")]
    [InlineData("VM my-vm was scheduled to stop\n", "/virtualmachines/my-vm/stop", """{"gracePeriod":0}""", "stop", "my-vm", "--grace-period", "0", "--force")]
    [InlineData("VM my-vm was scheduled to stop\n", "/virtualmachines/my-vm/stop", """{"gracePeriod":30,"dryRun":["All"]}""", "stop", "my-vm", "--grace-period=30", "--force=true", "--dry-run")]
    [InlineData("VM my-vm was scheduled to restart\n", "/virtualmachines/my-vm/restart", "{}", "restart", "my-vm")]
    [InlineData("VM my-vm was scheduled to restart\n", "/virtualmachines/my-vm/restart", """{"gracePeriodSeconds":0,"dryRun":["All"]}""", "restart", "my-vm", "--grace-period", "0", "--force", "--dry-run")]
    [InlineData("VMI testvm was scheduled to pause\n", "/virtualmachineinstances/testvm/pause", "{}", "pause", "vmi", "testvm")]
    [InlineData("VMI testvm was scheduled to pause\n", "/virtualmachineinstances/testvm/pause", """{"dryRun":["All"]}""", "pause", "VirtualMachineInstance", "testvm", "--dry-run")]
    [InlineData("VMI testvm was scheduled to unpause\n", "/virtualmachineinstances/testvm/unpause", "{}", "unpause", "VMI", "testvm")]
    [InlineData("VM my-vm was scheduled to rename\n", "/virtualmachines/my-vm/rename", """{"newName":"new-name"}""", "rename", "my-vm", "new-name")]
    [InlineData("VM my-vm was scheduled to rename\n", "/virtualmachines/my-vm/rename", """{"newName":"new-name","dryRun":["All"]}""", "rename", "my-vm", "new-name", "--dry-run")]
    public async Task Each_command_puts_its_options_to_its_subresource(string output, string path, string body, params string[] args)
    {
        _harness.Server.On("PUT", SubresourcePath + path, ScriptedResponse.Json(path.Contains("instances", StringComparison.Ordinal) ? 200 : 202, ""));

        var run = await _harness.RunAsync(args);

        Assert.Equal(("", 0), (run.Error, run.ExitCode));
        Assert.Equal(output, run.Out);
        var request = Assert.Single(_harness.Server.Requests);
        Assert.Equal(("PUT", SubresourcePath + path, body), (request.Method, request.Path, request.Body));
        Assert.Equal(["application/json"], request.Header("Content-Type").Select(v => v.Split(';')[0]));
        Assert.Equal(["Bearer " + PluginHarness.Token], request.Header("Authorization"));
    }

    [Theory]
    [InlineData("vm")]
    [InlineData("VM")]
    [InlineData("virtualmachine")]
    [InlineData("VirtualMachines")]
    public async Task Pause_vm_reads_the_vm_then_pauses_the_instance_of_the_same_name(string type)
    {
        _harness.Server.On("GET", VmPath + "/testvm", ScriptedResponse.Json(200, Vm("testvm", "Always")));
        _harness.Server.On("PUT", SubresourcePath + "/virtualmachineinstances/testvm/pause", ScriptedResponse.Json(200, ""));

        var run = await _harness.RunAsync("pause", type, "testvm");

        Assert.Equal((0, "VMI testvm was scheduled to pause\n"), (run.ExitCode, run.Out));
        Assert.Equal(
            [("GET", VmPath + "/testvm"), ("PUT", SubresourcePath + "/virtualmachineinstances/testvm/pause")],
            _harness.Server.Requests.Select(r => (r.Method, r.Path)));
    }

    [Fact]
    public async Task The_namespace_flag_and_impersonation_flags_reach_the_request()
    {
        _harness.Server.On("PUT", "/apis/subresources.kubevirt.io/v1/namespaces/other/virtualmachines/my-vm/start", ScriptedResponse.Json(202, ""));

        var run = await _harness.RunAsync("start", "my-vm", "-n", "other", "--as", "bob", "--as-group", "devs", "--as-group=ops");

        Assert.Equal(0, run.ExitCode);
        var request = Assert.Single(_harness.Server.Requests);
        Assert.Equal(["bob"], request.Header("Impersonate-User"));
        Assert.Equal(["devs", "ops"], request.Header("Impersonate-Group").SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)));
    }

    [Fact]
    public async Task A_client_certificate_from_the_kubeconfig_is_presented()
    {
        var kubeconfig = _harness.Directory.File("cert-kubeconfig", KubeconfigYaml.Single(
            _harness.Server.Url.ToString().TrimEnd('/'), _harness.Pki.CaFile, clientCertificate: _harness.Pki.ClientCertificateFile, clientKey: _harness.Pki.ClientKeyFile, ns: "testns"));
        _harness.Server.On("PUT", SubresourcePath + "/virtualmachines/my-vm/stop", ScriptedResponse.Json(202, ""));

        var run = await _harness.RunAsync("stop", "my-vm", "--kubeconfig", kubeconfig);

        Assert.Equal(0, run.ExitCode);
        var request = Assert.Single(_harness.Server.Requests);
        Assert.Equal("CN=alice", request.ClientCertificateSubject);
        Assert.Empty(request.Header("Authorization"));
    }

    [Fact]
    public async Task A_server_whose_certificate_is_not_signed_by_the_configured_ca_is_refused()
    {
        var otherPki = TestPki.Create(Path.Combine(_harness.Directory.Path, "other-pki"));
        _harness.Server.On("PUT", SubresourcePath + "/virtualmachines/my-vm/start", ScriptedResponse.Json(202, ""));

        var run = await _harness.RunAsync("start", "my-vm", "--certificate-authority", otherPki.CaFile);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("Error starting VirtualMachine ", run.Error, StringComparison.Ordinal);
        Assert.Empty(_harness.Server.Requests);
    }

    [Fact]
    public async Task Insecure_skip_tls_verify_accepts_any_server_certificate()
    {
        var kubeconfig = _harness.Directory.File("insecure", KubeconfigYaml.Single(_harness.Server.Url.ToString().TrimEnd('/'), null, PluginHarness.Token, "testns"));
        _harness.Server.On("PUT", SubresourcePath + "/virtualmachines/my-vm/start", ScriptedResponse.Json(202, ""));

        var run = await _harness.RunAsync("start", "my-vm", "--kubeconfig", kubeconfig, "--insecure-skip-tls-verify");

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
    }

    [Fact]
    public async Task Version_reports_the_aggregator_and_the_api_server()
    {
        _harness.Server.On("GET", "/apis/subresources.kubevirt.io/v1/version", ScriptedResponse.Json(200, """{"gitVersion":"v0.1.0","gitCommit":"abc","gitTreeState":"clean","buildDate":"2026-01-01T00:00:00Z","goVersion":"","compiler":"dotnet","platform":"linux/amd64"}"""));
        _harness.Server.On("GET", "/version", ScriptedResponse.Json(200, """{"major":"1","minor":"32","gitVersion":"v1.32.0"}"""));

        var run = await _harness.RunAsync("version");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Client Version: version.Info{GitVersion:\"v0.1.0\"", lines[0], StringComparison.Ordinal);
        Assert.Equal("Server Version: version.Info{GitVersion:\"v0.1.0\", GitCommit:\"abc\", GitTreeState:\"clean\", BuildDate:\"2026-01-01T00:00:00Z\", GoVersion:\"\", Compiler:\"dotnet\", Platform:\"linux/amd64\"}", lines[1]);
        Assert.Equal("Kubernetes Version: v1.32.0", lines[2]);
    }
}
