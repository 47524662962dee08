using System.Diagnostics;
using k8s;
using VmLifecycle.TestSupport.Networking;

namespace VmLifecycle.Aggregator.Tests.TestSupport;

/// <summary>
/// The local cluster (tests/VmLifecycle.LocalCluster) as a child process on a fixed loopback port with a state file, so it
/// can be killed and started again with the same state and address under running controllers.
/// </summary>
internal sealed class LocalClusterProcess : IAsyncDisposable
{
    private readonly int _port;
    private Process? _process;

    private LocalClusterProcess(string dataDirectory, int port)
    {
        DataDirectory = dataDirectory;
        _port = port;
    }

    public string DataDirectory { get; }

    public string KubeconfigPath => Path.Combine(DataDirectory, "kubeconfig");

    public static async Task<LocalClusterProcess> StartAsync()
    {
        var cluster = new LocalClusterProcess(Directory.CreateTempSubdirectory("vm-lifecycle-controllers-").FullName, FreePorts.Take(1)[0]);
        await cluster.StartProcessAsync();
        return cluster;
    }

    public k8s.Kubernetes CreateClient() => new(KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath));

    /// <summary>Kills the process (no clean shutdown) and starts it again on the same port with the same state file.</summary>
    public async Task RestartAsync(Func<Task>? whileDown = null)
    {
        await KillAsync();
        if (whileDown is not null)
        {
            await whileDown();
        }

        await StartProcessAsync();
    }

    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private async Task StartProcessAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])
        [
            LocalClusterAssembly(), "--port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data-dir", DataDirectory,
            "--state-file", Path.Combine(DataDirectory, "state.json"), "--crd-dir", Path.Combine(RepositoryRoot(), "charts", "vm-lifecycle", "crds"),
            "--Logging:LogLevel:Default=Warning",
        ])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the local cluster.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await Eventually.UntilAsync(
            async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The local cluster exited with code {process.ExitCode}.");
                }

                if (!File.Exists(KubeconfigPath))
                {
                    return false;
                }

                using var client = CreateClient();
                await client.CustomObjects.ListClusterCustomObjectAsync("kubevirt.io", "v1", "virtualmachines", cancellationToken: TestContext.Current.CancellationToken);
                return true;
            },
            "the local cluster to serve VirtualMachines",
            TimeSpan.FromSeconds(60));
    }

    private static string RepositoryRoot() => global::VmLifecycle.TestSupport.Repository.RepositoryRoot.Path;

    // Built through the test project's ProjectReference (ReferenceOutputAssembly=false); the test's own configuration first.
    private static string LocalClusterAssembly()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var bin = Path.Combine(RepositoryRoot(), "tests", "VmLifecycle.LocalCluster", "bin");
        foreach (var candidate in new[] { configuration, configuration == "Release" ? "Debug" : "Release" })
        {
            var path = Path.Combine(bin, candidate, "net10.0", "vm-lifecycle-local-cluster.dll");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException($"The local cluster is not built under {bin}; run dotnet build tests/VmLifecycle.Aggregator.Tests.");
    }
}
