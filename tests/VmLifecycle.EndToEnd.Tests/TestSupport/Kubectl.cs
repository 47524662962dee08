using System.Diagnostics;

namespace VmLifecycle.EndToEnd.Tests.TestSupport;

/// <summary>The real kubectl binary with one kubeconfig (one identity).</summary>
internal sealed class Kubectl(string kubeconfigPath)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public string KubeconfigPath => kubeconfigPath;

    public async Task<KubectlResult> RunAsync(IEnumerable<string> arguments, string? standardInput = null)
    {
        var start = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["KUBECONFIG"] = kubeconfigPath;
        // kubectl caches discovery under HOME; one cache per identity keeps the runs independent.
        start.Environment["HOME"] = Path.GetDirectoryName(kubeconfigPath)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Timeout);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl could not be started");
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
}
