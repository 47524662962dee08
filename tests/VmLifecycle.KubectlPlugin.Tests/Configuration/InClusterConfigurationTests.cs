using VmLifecycle.KubectlPlugin.Cli;
using VmLifecycle.KubectlPlugin.Configuration;
using VmLifecycle.KubectlPlugin.Tests.TestSupport;

namespace VmLifecycle.KubectlPlugin.Tests.Configuration;

// In a pod without a kubeconfig: the service host and port, the mounted token, CA and namespace.
public sealed class InClusterConfigurationTests : IAsyncLifetime
{
    private PluginHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await PluginHarness.StartAsync();

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Without_a_kubeconfig_a_pod_uses_its_service_account()
    {
        var serviceAccount = Path.Combine(_harness.Directory.Path, "serviceaccount");
        Directory.CreateDirectory(serviceAccount);
        File.WriteAllText(Path.Combine(serviceAccount, "token"), "pod-token\n");
        File.Copy(_harness.Pki.CaFile, Path.Combine(serviceAccount, "ca.crt"));
        File.WriteAllText(Path.Combine(serviceAccount, "namespace"), "pod-ns");
        var variables = new Dictionary<string, string>
        {
            ["KUBERNETES_SERVICE_HOST"] = "127.0.0.1",
            ["KUBERNETES_SERVICE_PORT"] = _harness.Server.Url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var environment = new PluginEnvironment(name => variables.GetValueOrDefault(name), Path.Combine(_harness.Directory.Path, "no-home"), serviceAccount);
        _harness.Server.On("PUT", "/apis/subresources.kubevirt.io/v1/namespaces/pod-ns/virtualmachines/my-vm/start", ScriptedResponse.Json(202, ""));
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await PluginApplication.RunAsync(
            ["start", "my-vm"], ProgramName.Virtctl, new ConsoleStreams(output, error, false), environment, TimeProvider.System, TestContext.Current.CancellationToken);

        Assert.Equal((0, ""), (exitCode, error.ToString()));
        Assert.Equal(["Bearer pod-token"], Assert.Single(_harness.Server.Requests).Header("Authorization"));
    }
}
