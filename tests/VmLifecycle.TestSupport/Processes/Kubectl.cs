using System.Diagnostics;

namespace VmLifecycle.TestSupport.Processes;

/// <summary>
/// The real kubectl binary with one kubeconfig (one identity: impersonation is the kubeconfig's <c>as:</c>), run through
/// <see cref="ExternalCommand"/>, bounded in time per run and cancelled with the test.
/// With a plugin directory, that directory leads PATH, so kubectl finds its plugins there (<c>kubectl virt</c>) and
/// <see cref="VirtctlAsync"/> runs the virtctl found there. With a HOME, kubectl runs with that HOME (its
/// discovery cache lives there, one per identity keeps the runs independent); without, it inherits the test's HOME,
/// which credential plugins of a real cluster's kubeconfig may need.
/// </summary>
public sealed class Kubectl
{
    private readonly TimeSpan _timeout;
    private readonly Func<CancellationToken> _cancellation;
    private readonly string? _home;
    private readonly Dictionary<string, string> _environment;

    /// <param name="kubeconfigPath">KUBECONFIG of every run.</param>
    /// <param name="home">HOME of every run, or null to inherit the test's.</param>
    /// <param name="timeout">The bound of one run; the process tree is killed when it passes.</param>
    /// <param name="cancellation">The test's cancellation, read at each run (e.g. <c>() => TestContext.Current.CancellationToken</c>).</param>
    /// <param name="pluginDirectory">Put first on PATH when not null.</param>
    public Kubectl(string kubeconfigPath, string? home, TimeSpan timeout, Func<CancellationToken> cancellation, string? pluginDirectory = null)
    {
        KubeconfigPath = kubeconfigPath;
        PluginDirectory = pluginDirectory;
        _home = home;
        _timeout = timeout;
        _cancellation = cancellation;
        _environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["KUBECONFIG"] = kubeconfigPath };
        if (pluginDirectory is not null)
        {
            _environment["PATH"] = pluginDirectory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        }

        if (home is not null)
        {
            _environment["HOME"] = home;
        }
    }

    public string KubeconfigPath { get; }

    public string? PluginDirectory { get; }

    /// <summary>The same identity with <paramref name="directory"/> first on PATH.</summary>
    public Kubectl WithPlugins(string directory) => new(KubeconfigPath, _home, _timeout, _cancellation, directory);

    public Task<CommandResult> RunAsync(IEnumerable<string> arguments, string? standardInput = null) =>
        RunProgramAsync("kubectl", arguments, standardInput);

    public Task<CommandResult> RunAsync(params string[] arguments) => RunAsync(arguments, null);

    /// <summary>Runs kubectl and fails the test unless it succeeds; returns its standard output.</summary>
    public async Task<string> SucceedAsync(params string[] arguments)
    {
        var result = await RunAsync(arguments, null);
        if (result.ExitCode != 0)
        {
            throw new TestFailureException($"kubectl {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.Error}");
        }

        return result.Output;
    }

    /// <summary><c>kubectl apply -f - ARGUMENTS</c> with <paramref name="manifest"/> on standard input.</summary>
    public Task<CommandResult> ApplyAsync(string manifest, params string[] arguments) => RunAsync(["apply", "-f", "-", .. arguments], manifest);

    /// <summary><c>kubectl replace --raw PATH -f -</c>: a PUT with the body, as virtctl's calls are.</summary>
    public Task<CommandResult> PutRawAsync(string path, string body = "{}") => RunAsync(["replace", "--raw", path, "-f", "-"], body);

    /// <summary><c>kubectl virt ARGUMENTS</c>: the kubectl-virt plugin found on PATH (the plugin directory first).</summary>
    public Task<CommandResult> VirtAsync(params string[] arguments) => RunAsync(["virt", .. arguments], null);

    /// <summary><c>virtctl ARGUMENTS</c> from the plugin directory, with the same kubeconfig and PATH.</summary>
    public Task<CommandResult> VirtctlAsync(params string[] arguments) =>
        RunProgramAsync(Path.Combine(PluginDirectory ?? throw new InvalidOperationException("no plugin directory"), "virtctl"), arguments, null);

    /// <summary>Starts a long-running kubectl (e.g. <c>exec ... tail -f</c>) whose standard output the caller reads; the caller ends it.</summary>
    public Process Start(IEnumerable<string> arguments)
    {
        var start = ExternalCommand.CreateStartInfo("kubectl", arguments, redirectInput: false);
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("kubectl could not be started");
    }

    private Task<CommandResult> RunProgramAsync(string program, IEnumerable<string> arguments, string? standardInput) =>
        ExternalCommand.RunAsync(program, arguments, _environment, _timeout, standardInput, _cancellation());
}
