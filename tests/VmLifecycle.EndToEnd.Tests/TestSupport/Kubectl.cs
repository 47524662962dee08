using System.Diagnostics;

namespace VmLifecycle.EndToEnd.Tests.TestSupport;

/// <summary>
/// The real kubectl binary with one kubeconfig (one identity); with a plugin directory, that directory leads PATH, so
/// kubectl finds its plugins there (<c>kubectl virt</c>) and <see cref="VirtctlAsync"/> runs the virtctl found there.
/// With <paramref name="home"/>, kubectl runs with that HOME (its discovery cache lives there); without, it inherits
/// the test's HOME, which credential plugins of a real cluster's kubeconfig may need.
/// </summary>
internal sealed class Kubectl(string kubeconfigPath, string? home, string? pluginDirectory = null)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public string KubeconfigPath => kubeconfigPath;

    /// <summary>The same identity with <paramref name="directory"/> first on PATH.</summary>
    public Kubectl WithPlugins(string directory) => new(kubeconfigPath, home, directory);

    public Task<KubectlResult> RunAsync(IEnumerable<string> arguments, string? standardInput = null) =>
        RunProgramAsync("kubectl", arguments, standardInput);

    /// <summary><c>virtctl ARGUMENTS</c> from the plugin directory, with the same kubeconfig and PATH.</summary>
    public Task<KubectlResult> VirtctlAsync(params string[] arguments) =>
        RunProgramAsync(Path.Combine(pluginDirectory ?? throw new InvalidOperationException("no plugin directory"), "virtctl"), arguments, null);

    public Task<KubectlResult> RunAsync(params string[] arguments) => RunAsync(arguments, null);

    /// <summary>Runs kubectl and fails the test unless it succeeds; returns its standard output.</summary>
    public async Task<string> SucceedAsync(params string[] arguments)
    {
        var result = await RunAsync(arguments, null);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.Error}");
        return result.Output;
    }

    /// <summary><c>kubectl replace --raw PATH -f -</c>: a PUT with the body, as virtctl's calls are.</summary>
    public Task<KubectlResult> PutRawAsync(string path, string body = "{}") => RunAsync(["replace", "--raw", path, "-f", "-"], body);

    /// <summary>Starts a long-running kubectl (e.g. <c>exec ... tail -f</c>) whose standard output the caller reads; the caller ends it.</summary>
    public Process Start(IEnumerable<string> arguments) =>
        Process.Start(CreateStartInfo("kubectl", arguments, redirectInput: false)) ?? throw new InvalidOperationException("kubectl could not be started");

    private async Task<KubectlResult> RunProgramAsync(string program, IEnumerable<string> arguments, string? standardInput)
    {
        var start = CreateStartInfo(program, arguments, redirectInput: standardInput is not null);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Timeout);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started");
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput.AsMemory(), timeout.Token);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return new KubectlResult(process.ExitCode, await output, await error);
    }

    private ProcessStartInfo CreateStartInfo(string program, IEnumerable<string> arguments, bool redirectInput)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["KUBECONFIG"] = kubeconfigPath;
        if (pluginDirectory is not null)
        {
            start.Environment["PATH"] = pluginDirectory + Path.PathSeparator + start.Environment["PATH"];
        }

        // kubectl caches discovery under HOME; one cache per identity keeps the runs independent.
        if (home is not null)
        {
            start.Environment["HOME"] = home;
        }

        return start;
    }
}
