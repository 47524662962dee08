using System.Diagnostics;

namespace VmLifecycle.LocalCluster.Tests.Infrastructure;

/// <summary>Runs the real kubectl binary against a local cluster's kubeconfig.</summary>
internal sealed class Kubectl(string kubeconfigPath)
{
    public async Task<KubectlResult> RunAsync(IEnumerable<string> arguments, string? standardInput = null, CancellationToken cancellationToken = default)
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
        start.Environment["HOME"] = Path.GetDirectoryName(kubeconfigPath)!;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl could not be started");
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return new KubectlResult(process.ExitCode, await output, await error);
    }

    public Task<KubectlResult> RunAsync(params string[] arguments) => RunAsync(arguments, null, TestContext.Current.CancellationToken);

    /// <summary>Runs kubectl and fails the test if it does not succeed.</summary>
    public async Task<string> SucceedAsync(params string[] arguments)
    {
        var result = await RunAsync(arguments, null, TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.Error}");
        return result.Output;
    }

    public async Task<string> ApplyAsync(string manifest, string verb = "apply")
    {
        var result = await RunAsync([verb, "-f", "-"], manifest, TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, $"kubectl {verb} failed ({result.ExitCode}): {result.Error}");
        return result.Output;
    }
}
