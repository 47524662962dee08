using System.Diagnostics;
using System.Globalization;
using k8s;
using VmLifecycle.TestSupport.Networking;

namespace VmLifecycle.Handler.Tests.Infrastructure;

/// <summary>
/// The local cluster (tests/VmLifecycle.LocalCluster, the kube-apiserver stand-in) as a child process, with the chart's
/// handler RBAC rendered by hack/chart-render and applied, and a token for the handler's ServiceAccount: clients of
/// <see cref="HandlerClient"/> are authorized exactly as the chart authorizes the handler. <see cref="KubectlAsync"/>
/// runs the real kubectl as the cluster's admin.
/// </summary>
public sealed class LocalClusterFixture : IAsyncLifetime
{
    public const string Namespace = "vm-lifecycle";
    public const string HandlerServiceAccount = "vm-lifecycle-handler";
    private readonly string _token = Guid.NewGuid().ToString("N");
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("vm-lifecycle-handler-cluster-").FullName;
    private Process? _process;

    public string KubeconfigPath => Path.Combine(_dataDirectory, "kubeconfig");

    public async ValueTask InitializeAsync()
    {
        var tokens = Path.Combine(_dataDirectory, "tokens.csv");
        await File.WriteAllTextAsync(
            tokens,
            $"{_token},system:serviceaccount:{Namespace}:{HandlerServiceAccount},{Guid.NewGuid()},\"system:serviceaccounts,system:serviceaccounts:{Namespace},system:authenticated\"\n",
            TestContext.Current.CancellationToken);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])
        [
            BuiltAssembly(Path.Combine("tests", "VmLifecycle.LocalCluster"), "vm-lifecycle-local-cluster.dll"),
            "--port", FreePorts.Take(1)[0].ToString(CultureInfo.InvariantCulture), "--data-dir", _dataDirectory,
            "--crd-dir", Path.Combine(RepositoryRoot.Path, "charts", "vm-lifecycle", "crds"), "--token-file", tokens,
            "--Logging:LogLevel:Default=Warning",
        ])
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the local cluster.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Eventually.WaitAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"The local cluster exited with code {_process.ExitCode}.");
                }

                if (!File.Exists(KubeconfigPath))
                {
                    return false;
                }

                try
                {
                    using var client = AdminClient();
                    await client.CoreV1.ListNamespaceAsync(cancellationToken: TestContext.Current.CancellationToken);
                    return true;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            ready => ready,
            TimeSpan.FromSeconds(90),
            "the local cluster to serve");

        await KubectlAsync(null, "create", "namespace", Namespace);
        var rbac = await RunAsync(
            "dotnet",
            null,
            BuiltAssembly(Path.Combine("hack", "chart-render"), "chart-render.dll"), "vm-lifecycle", Path.Combine(RepositoryRoot.Path, "charts", "vm-lifecycle"),
            "--namespace", Namespace, "--show-only", "templates/handler-rbac.yaml");
        await KubectlAsync(rbac, "apply", "-f", "-");
    }

    public k8s.Kubernetes AdminClient() => new(KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath));

    /// <summary>A client authenticated as the handler's ServiceAccount (bearer token), authorized by the chart's ClusterRole.</summary>
    public k8s.Kubernetes HandlerClient()
    {
        var admin = KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath);
        return new(new KubernetesClientConfiguration { Host = admin.Host, SslCaCerts = admin.SslCaCerts, AccessToken = _token });
    }

    /// <summary>Runs the real kubectl as the cluster's admin; returns its standard output and fails the test on a non-zero exit.</summary>
    public Task<string> KubectlAsync(string? input, params string[] arguments) => RunAsync("kubectl", input, ["--kubeconfig", KubeconfigPath, .. arguments]);

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        _process?.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static async Task<string> RunAsync(string tool, string? input, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        await process.WaitForExitAsync(CancellationToken.None);
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}");
        return await output;
    }

    // Built through the test project's ProjectReferences (ReferenceOutputAssembly=false); the test's own configuration first.
    private static string BuiltAssembly(string project, string dll)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var bin = Path.Combine(RepositoryRoot.Path, project, "bin");
        foreach (var candidate in new[] { configuration, configuration == "Release" ? "Debug" : "Release" })
        {
            var path = Path.Combine(bin, candidate, "net10.0", dll);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException($"{dll} is not built under {bin}; run dotnet build tests/VmLifecycle.Handler.Tests.");
    }
}
