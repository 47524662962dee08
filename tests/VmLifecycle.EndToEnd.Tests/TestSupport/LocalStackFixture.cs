using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace VmLifecycle.EndToEnd.Tests.TestSupport;

/// <summary>
/// One isolated local stack per test run, brought up by hack/local-up.sh and removed by hack/local-down.sh --purge:
/// its own directory (.local/e2e/RUN), free ports, node names and namespaces carrying the run's id (libvirt is shared
/// with any developer stack on the machine, and domains are named namespace_name), and no example VM. Users: the
/// cluster admin, "e2e-editor" bound to the default ClusterRole edit and "e2e-viewer" bound to view, each a client
/// certificate of the local cluster's CA in a kubeconfig of its own.
/// </summary>
public sealed class LocalStackFixture : IAsyncLifetime
{
    public const string ReleaseNamespace = "vm-lifecycle";
    public const string EditorName = "e2e-editor";
    public const string ViewerName = "e2e-viewer";

    private static readonly TimeSpan UpTimeout = TimeSpan.FromMinutes(10);
    private readonly string _runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);
    private Kubectl? _admin;
    private Kubectl? _editor;
    private Kubectl? _viewer;

    public LocalStackFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        LocalDirectory = Path.Combine(RepositoryRoot, ".local", "e2e", _runId);
    }

    public string RepositoryRoot { get; }

    public string LocalDirectory { get; }

    public string NodePrefix => $"e2e-{_runId}-node-";

    public string AggregatorUrl => Setting("AGGREGATOR_URL");

    internal Kubectl Admin => _admin ?? throw new InvalidOperationException("the stack is not up");

    internal Kubectl Editor => _editor ?? throw new InvalidOperationException("the stack is not up");

    internal Kubectl Viewer => _viewer ?? throw new InvalidOperationException("the stack is not up");

    /// <summary>Where hack/local-up.sh publishes the plugin: kubectl-virt and its virtctl symlink.</summary>
    public string PluginDirectory => Path.Combine(RepositoryRoot, ".local", "bin");

    public string ClusterPki => Path.Combine(LocalDirectory, "cluster", "Pki");

    public string AggregatorCaFile => Path.Combine(LocalDirectory, "pki", "aggregator-ca.crt");

    public string NodeName(int number) => NodePrefix + number.ToString(CultureInfo.InvariantCulture);

    public string HandlerStateDirectory(string node) => Path.Combine(LocalDirectory, "handler", node);

    /// <summary>A fresh namespace for one test, so tests share no VMs.</summary>
    internal async Task<string> CreateNamespaceAsync(string purpose)
    {
        var name = $"e2e-{purpose}-{_runId}";
        await Admin.SucceedAsync("create", "namespace", name);
        return name;
    }

    /// <summary>Whether the VM/VMI controllers run (their Lease has a holder); without them no VMI is scheduled.</summary>
    internal async Task<bool> HasControllersAsync()
    {
        var lease = await Admin.RunAsync("get", "lease", "vm-lifecycle-controllers", "-n", ReleaseNamespace, "-o", "jsonpath={.spec.holderIdentity}");
        return lease.ExitCode == 0 && lease.Output.Length > 0;
    }

    /// <summary>hack/local-up.sh once more, without building; returns the env file it leaves.</summary>
    internal async Task<IReadOnlyDictionary<string, string>> RunLocalUpAgainAsync()
    {
        _environment["VM_LIFECYCLE_SKIP_BUILD"] = "1";
        await RunScriptAsync("hack/local-up.sh", UpTimeout);
        return ReadEnvFile();
    }

    internal IReadOnlyDictionary<string, string> ReadEnvFile() =>
        File.ReadAllLines(Path.Combine(LocalDirectory, "env"))
            .Where(line => line.Contains('=', StringComparison.Ordinal))
            .ToDictionary(line => line[..line.IndexOf('=', StringComparison.Ordinal)], line => line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim('"'), StringComparer.Ordinal);

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(LocalDirectory);
        var ports = FreePorts.Take(3);
        _environment["VM_LIFECYCLE_LOCAL_DIR"] = LocalDirectory;
        _environment["VM_LIFECYCLE_API_PORT"] = ports[0].ToString(CultureInfo.InvariantCulture);
        _environment["VM_LIFECYCLE_AGGREGATOR_PORT"] = ports[1].ToString(CultureInfo.InvariantCulture);
        _environment["VM_LIFECYCLE_HANDLER_PORT"] = ports[2].ToString(CultureInfo.InvariantCulture);
        _environment["VM_LIFECYCLE_HANDLERS"] = "1";
        _environment["VM_LIFECYCLE_NODE_PREFIX"] = NodePrefix;
        _environment["VM_LIFECYCLE_BOOT_EXAMPLE"] = "0";

        try
        {
            await RunScriptAsync("hack/local-up.sh", UpTimeout);
        }
        catch (InvalidOperationException)
        {
            // Stop whatever started; the logs stay in the run's directory.
            await RunScriptAsync("hack/local-down.sh", TimeSpan.FromMinutes(2));
            throw;
        }

        foreach (var (name, value) in ReadEnvFile())
        {
            _environment[name] = value;
        }

        _admin = new Kubectl(Setting("KUBECONFIG"));
        var clusterCa = TestCertificates.LoadAuthority(Path.Combine(ClusterPki, "ca.crt"), Path.Combine(ClusterPki, "ca.key"));
        _editor = WriteUserKubeconfig(EditorName, clusterCa);
        _viewer = WriteUserKubeconfig(ViewerName, clusterCa);
        await Admin.SucceedAsync("create", "clusterrolebinding", EditorName, "--clusterrole=edit", $"--user={EditorName}");
        await Admin.SucceedAsync("create", "clusterrolebinding", ViewerName, "--clusterrole=view", $"--user={ViewerName}");
    }

    public async ValueTask DisposeAsync()
    {
        await RunScriptAsync("hack/local-down.sh", TimeSpan.FromMinutes(2), "--purge");
        Directory.Delete(LocalDirectory, recursive: true);
    }

    private string Setting(string name) =>
        _environment.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"{name} is not in the stack's env file");

    private Kubectl WriteUserKubeconfig(string user, X509Certificate2 clusterCa)
    {
        using var certificate = TestCertificates.IssueClient(clusterCa, user);
        var directory = Directory.CreateDirectory(Path.Combine(LocalDirectory, "users", user)).FullName;
        var path = Path.Combine(directory, "kubeconfig");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: local
              cluster:
                server: {Setting("LOCAL_CLUSTER_URL")}
                certificate-authority-data: {Base64(clusterCa.ExportCertificatePem())}
            users:
            - name: {user}
              user:
                client-certificate-data: {Base64(certificate.ExportCertificatePem())}
                client-key-data: {Base64(certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem())}
            contexts:
            - name: local
              context: {"{"}cluster: local, user: {user}{"}"}
            current-context: local

            """);
        return new Kubectl(path);
    }

    private async Task RunScriptAsync(string script, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in _environment.Where(pair => pair.Key.StartsWith("VM_LIFECYCLE_", StringComparison.Ordinal)))
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{script} could not be started");
        var output = new StringBuilder();
        var stdout = PumpAsync(process.StandardOutput, output);
        var stderr = PumpAsync(process.StandardError, output);
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{script} did not finish within {timeout}:\n{output}");
        }

        await Task.WhenAll(stdout, stderr);
        await File.AppendAllTextAsync(Path.Combine(LocalDirectory, "scripts.log"), output.ToString());
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed ({process.ExitCode}); logs in {LocalDirectory}:\n{output}");
        }
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "VmLifecycle.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (VmLifecycle.sln) is not above the test's directory");
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.ASCII.GetBytes(text));
}
