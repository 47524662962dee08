using System.Diagnostics;
using VmLifecycle.KubectlPlugin.Tests.TestSupport;

namespace VmLifecycle.KubectlPlugin.Tests.Binary;

// The real kubectl finds the binary on PATH as a plugin, and the same binary works under the name virtctl.
public sealed class KubectlPluginDiscoveryTests : IDisposable
{
    private readonly TemporaryDirectory _bin = new();

    public KubectlPluginDiscoveryTests()
    {
        var binary = PluginBinary.Locate();
        File.CreateSymbolicLink(Path.Combine(_bin.Path, "kubectl-virt"), binary);
        File.CreateSymbolicLink(Path.Combine(_bin.Path, "virtctl"), binary);
    }

    public void Dispose() => _bin.Dispose();

    private async Task<(int ExitCode, string Out, string Error)> RunAsync(string fileName, params string[] args)
    {
        // kubectl comes from the test's PATH; virtctl is started by its path (Process resolves names with the parent's PATH).
        var start = new ProcessStartInfo(fileName == "virtctl" ? Path.Combine(_bin.Path, fileName) : fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PATH"] = _bin.Path + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["KUBECONFIG"] = Path.Combine(_bin.Path, "no-kubeconfig");
        start.Environment["HOME"] = _bin.Path;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Kubectl_runs_the_binary_as_the_virt_plugin()
    {
        var (exitCode, output, error) = await RunAsync("kubectl", "virt", "version", "--client");

        Assert.Equal((0, ""), (exitCode, error));
        Assert.StartsWith("Client Version: version.Info{GitVersion:\"v0.1.0\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_lists_the_plugin()
    {
        var (exitCode, output, _) = await RunAsync("kubectl", "plugin", "list");

        Assert.Equal(0, exitCode);
        Assert.Contains(Path.Combine(_bin.Path, "kubectl-virt"), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_says_kubectl_virt_when_run_by_kubectl_and_virtctl_when_run_as_virtctl()
    {
        var plugin = await RunAsync("kubectl", "virt", "start", "--help");
        var virtctl = await RunAsync("virtctl", "start", "--help");

        Assert.Contains("  kubectl virt start (VM) [flags]", plugin.Out, StringComparison.Ordinal);
        Assert.Contains("  virtctl start (VM) [flags]", virtctl.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_virtctl_name_runs_the_same_commands()
    {
        var (exitCode, output, _) = await RunAsync("virtctl", "version", "--client");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Client Version: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_errors_exit_2_and_missing_configuration_exits_1_through_kubectl()
    {
        var usage = await RunAsync("kubectl", "virt", "stop", "my-vm", "--force");
        var unconfigured = await RunAsync("kubectl", "virt", "start", "my-vm");

        Assert.Equal(2, usage.ExitCode);
        Assert.StartsWith("error: Must both use --force=true and set --grace-period.", usage.Error, StringComparison.Ordinal);
        Assert.Equal(1, unconfigured.ExitCode);
        Assert.Contains("no configuration has been provided", unconfigured.Error, StringComparison.Ordinal);
    }
}
