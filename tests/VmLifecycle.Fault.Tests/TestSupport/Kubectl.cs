namespace VmLifecycle.Fault.Tests.TestSupport;

/// <summary>
/// The real kubectl with the stack's admin kubeconfig and the plugin directory first on PATH, so that
/// <c>kubectl virt</c> runs the stack's kubectl-virt.
/// </summary>
internal sealed class Kubectl(string kubeconfigPath, string pluginDirectory)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal)
    {
        ["KUBECONFIG"] = kubeconfigPath,
        ["PATH"] = pluginDirectory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
        // kubectl caches discovery under HOME; the stack's own directory keeps it apart from other runs.
        ["HOME"] = Path.GetDirectoryName(kubeconfigPath)!,
    };

    public Task<CommandResult> RunAsync(params string[] arguments) => ExternalCommand.RunAsync("kubectl", arguments, _environment, Timeout);

    public Task<CommandResult> ApplyAsync(string manifest, params string[] arguments) =>
        ExternalCommand.RunAsync("kubectl", ["apply", "-f", "-", .. arguments], _environment, Timeout, manifest);

    /// <summary><c>kubectl virt ARGUMENTS</c>.</summary>
    public Task<CommandResult> VirtAsync(params string[] arguments) => RunAsync(["virt", .. arguments]);

    /// <summary>Runs kubectl and fails the test unless it succeeds; returns its standard output.</summary>
    public async Task<string> SucceedAsync(params string[] arguments)
    {
        var result = await RunAsync(arguments);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.Error}");
        return result.Output;
    }
}
