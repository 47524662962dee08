using VmLifecycle.KubectlPlugin.Tests.TestSupport;

namespace VmLifecycle.KubectlPlugin.Tests.Http;

// The server's certificate is checked as kubectl checks it: signed by the configured authority and naming the server
// (or the kubeconfig's tls-server-name).
public sealed class ServerVerificationTests : IAsyncLifetime
{
    private const string StartPath = "/apis/subresources.kubevirt.io/v1/namespaces/testns/virtualmachines/my-vm/start";
    private PluginHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await PluginHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    private string KubeconfigWithServerName(string serverName) => _harness.Directory.File("kubeconfig-" + serverName, $"""
        apiVersion: v1
        kind: Config
        current-context: test
        clusters:
        - name: test-cluster
          cluster:
            server: {_harness.Server.Url.ToString().TrimEnd('/')}
            certificate-authority: {_harness.Pki.CaFile}
            tls-server-name: {serverName}
        users:
        - name: test-user
          user:
            token: {PluginHarness.Token}
        contexts:
        - name: test
          context:
            cluster: test-cluster
            user: test-user
            namespace: testns
        """);

    [Fact]
    public async Task A_signed_certificate_for_the_server_name_is_accepted()
    {
        _harness.Server.On("PUT", StartPath, ScriptedResponse.Json(202, ""));

        var run = await _harness.RunAsync("start", "my-vm", "--kubeconfig", KubeconfigWithServerName("localhost"));

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Single(_harness.Server.Requests);
    }

    [Fact]
    public async Task A_signed_certificate_for_another_name_is_refused()
    {
        _harness.Server.On("PUT", StartPath, ScriptedResponse.Json(202, ""));

        var run = await _harness.RunAsync("start", "my-vm", "--kubeconfig", KubeconfigWithServerName("other.example"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "Error starting VirtualMachine Unable to connect to the server: TLS handshake failed (is the server's certificate signed by the configured certificate authority?)\n",
            run.Error);
        Assert.Empty(_harness.Server.Requests);
    }
}
