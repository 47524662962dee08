namespace VmLifecycle.KubectlPlugin.Tests.TestSupport;

/// <summary>A fake API server over HTTPS with a test CA, a kubeconfig pointing at it (token auth, namespace "testns"), and a way to run the plugin.</summary>
internal sealed class PluginHarness : IAsyncDisposable
{
    public const string Token = "test-token";
    public const string Namespace = "testns";

    private PluginHarness(TemporaryDirectory directory, TestPki pki, FakeApiServer server, string kubeconfig)
    {
        Directory = directory;
        Pki = pki;
        Server = server;
        Kubeconfig = kubeconfig;
    }

    public TemporaryDirectory Directory { get; }

    public TestPki Pki { get; }

    public FakeApiServer Server { get; }

    public string Kubeconfig { get; }

    public static async Task<PluginHarness> StartAsync()
    {
        var directory = new TemporaryDirectory();
        var pki = TestPki.Create(Path.Combine(directory.Path, "pki"));
        var server = await FakeApiServer.StartAsync(pki);
        var kubeconfig = directory.File("kubeconfig", KubeconfigYaml.Single(server.Url.ToString().TrimEnd('/'), pki.CaFile, Token, Namespace));
        return new PluginHarness(directory, pki, server, kubeconfig);
    }

    public Task<PluginRun> RunAsync(params string[] args) =>
        PluginRunner.RunAsync(new Dictionary<string, string> { ["KUBECONFIG"] = Kubeconfig }, Directory.Path, args);

    public Task<PluginRun> RunOnTerminalAsync(TimeProvider timeProvider, params string[] args) =>
        PluginRunner.RunAsync(new Dictionary<string, string> { ["KUBECONFIG"] = Kubeconfig }, Directory.Path, KubectlPlugin.Cli.ProgramName.Virtctl, true, timeProvider, args);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Dispose();
    }
}
