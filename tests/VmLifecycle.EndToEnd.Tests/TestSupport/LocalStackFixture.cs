using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using VmLifecycle.TestSupport.Networking;
using VmLifecycle.TestSupport.Processes;

namespace VmLifecycle.EndToEnd.Tests.TestSupport;

/// <summary>
/// The stack the suite runs against, once per run. By default one isolated local stack, brought up by
/// hack/local-up.sh and removed by hack/local-down.sh --purge: its own directory (.local/e2e/RUN), free ports, node
/// names and namespaces carrying the run's id (libvirt is shared with any developer stack on the machine, and domains
/// are named namespace_name), and no example VM. With <c>VM_LIFECYCLE_E2E_KUBECONFIG</c> (<see cref="TargetCluster"/>)
/// an existing cluster with the chart installed instead; nothing is started, and the namespaces the tests create are
/// deleted at the end.
/// Users: the cluster admin; "e2e-editor" bound to the default ClusterRole edit and "e2e-viewer" bound to view in every
/// test namespace, whom the admin impersonates (kubeconfigs with <c>as:</c>, which kubectl and the plugin honour); on a
/// local stack the same two users also as client certificates of the cluster's CA.
/// </summary>
public sealed class LocalStackFixture : IAsyncLifetime
{
    public const string EditorName = "e2e-editor";
    public const string ViewerName = "e2e-viewer";

    // A cold build with the NativeAOT publish of the plugin takes over 10 min on a loaded 2-core machine.
    private static readonly TimeSpan UpTimeout = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan KubectlTimeout = TimeSpan.FromSeconds(90);
    private readonly string _runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);
    private readonly List<string> _namespaces = [];
    private readonly StackScripts _scripts;
    private Kubectl? _admin;
    private Kubectl? _editor;
    private Kubectl? _viewer;
    private Kubectl? _certificateEditor;
    private Kubectl? _certificateViewer;
    private INodeInspector? _nodes;

    public LocalStackFixture()
    {
        RepositoryRoot = global::VmLifecycle.TestSupport.Repository.RepositoryRoot.Path;
        LocalDirectory = Path.Combine(RepositoryRoot, ".local", "e2e", _runId);
        _scripts = new StackScripts(RepositoryRoot, LocalDirectory);
        Target = TargetCluster.FromEnvironment();
    }

    public string RepositoryRoot { get; }

    /// <summary>The run's directory: the local stack's state, or (external cluster) only the users' kubeconfigs.</summary>
    public string LocalDirectory { get; }

    /// <summary>True when the suite runs against an existing cluster (VM_LIFECYCLE_E2E_KUBECONFIG) instead of a local stack.</summary>
    public bool IsExternal => Target.IsExternal;

    public string NodePrefix => $"e2e-{_runId}-node-";

    public string AggregatorUrl => Setting("AGGREGATOR_URL");

    internal TargetCluster Target { get; }

    internal Kubectl Admin => _admin ?? throw new InvalidOperationException("the stack is not up");

    /// <summary>The user bound to edit, impersonated by the admin.</summary>
    internal Kubectl Editor => _editor ?? throw new InvalidOperationException("the stack is not up");

    /// <summary>The user bound to view, impersonated by the admin.</summary>
    internal Kubectl Viewer => _viewer ?? throw new InvalidOperationException("the stack is not up");

    /// <summary>The editor with a client certificate of the local cluster's CA (local stack only).</summary>
    internal Kubectl CertificateEditor => _certificateEditor ?? throw new InvalidOperationException("client certificates exist only on a local stack");

    /// <summary>The viewer with a client certificate of the local cluster's CA (local stack only).</summary>
    internal Kubectl CertificateViewer => _certificateViewer ?? throw new InvalidOperationException("client certificates exist only on a local stack");

    /// <summary>Serial logs and libvirt domains of the nodes.</summary>
    internal INodeInspector Nodes => _nodes ?? throw new InvalidOperationException("the stack is not up");

    /// <summary>kubectl-virt and its virtctl symlink: where hack/local-up.sh publishes them, or VM_LIFECYCLE_E2E_PLUGIN_DIR.</summary>
    public string PluginDirectory => Target.PluginDirectory ?? Path.Combine(RepositoryRoot, ".local", "bin");

    public string ClusterPki => Path.Combine(LocalDirectory, "cluster", "Pki");

    public string AggregatorCaFile => Path.Combine(LocalDirectory, "pki", "aggregator-ca.crt");

    public string NodeName(int number) => NodePrefix + number.ToString(CultureInfo.InvariantCulture);

    public string HandlerStateDirectory(string node) => Path.Combine(LocalDirectory, "handler", node);

    /// <summary>Ends the test as skipped on an external cluster, where what it needs (the local stack's processes, files or CAs) does not exist.</summary>
    public void SkipOnExternalCluster(string reason)
    {
        if (IsExternal)
        {
            Assert.Skip($"Not on an external cluster ({TargetCluster.KubeconfigVariable}): {reason}");
        }
    }

    /// <summary>A fresh namespace for one test, so tests share no VMs; the editor and the viewer are bound to edit and view in it.</summary>
    internal async Task<string> CreateNamespaceAsync(string purpose)
    {
        var name = $"e2e-{purpose}-{_runId}";
        await Admin.SucceedAsync("create", "namespace", name);
        lock (_namespaces)
        {
            _namespaces.Add(name);
        }

        await Admin.SucceedAsync("create", "rolebinding", EditorName, "-n", name, "--clusterrole=edit", $"--user={EditorName}");
        await Admin.SucceedAsync("create", "rolebinding", ViewerName, "-n", name, "--clusterrole=view", $"--user={ViewerName}");
        return name;
    }

    /// <summary>Whether the VM/VMI controllers run (their Lease has a holder); without them no VMI is scheduled.</summary>
    internal async Task<bool> HasControllersAsync()
    {
        var lease = await Admin.RunAsync("get", "lease", "vm-lifecycle-controllers", "-n", Target.ReleaseNamespace, "-o", "jsonpath={.spec.holderIdentity}");
        return lease.ExitCode == 0 && lease.Output.Length > 0;
    }

    /// <summary>hack/local-up.sh once more, without building; returns the env file it leaves.</summary>
    internal async Task<IReadOnlyDictionary<string, string>> RunLocalUpAgainAsync()
    {
        await _scripts.RunAsync("hack/local-up.sh", _environment, UpTimeout, skipBuild: true);
        return ReadEnvFile();
    }

    internal IReadOnlyDictionary<string, string> ReadEnvFile() => _scripts.ReadEnvFile();

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(LocalDirectory);
        if (Target.ExternalKubeconfig is { } kubeconfig)
        {
            // The admin's own kubeconfig and HOME: its credentials may come from a plugin that needs them.
            _admin = NewKubectl(kubeconfig, home: null);
            _nodes = new HandlerPodNodeInspector(Admin, Target);
        }
        else
        {
            await StartLocalStackAsync();
            _admin = NewKubectl(Setting("KUBECONFIG"), Path.GetDirectoryName(Setting("KUBECONFIG")));
            _nodes = new LocalNodeInspector(HandlerStateDirectory);
            var clusterCa = TestCertificates.LoadAuthority(Path.Combine(ClusterPki, "ca.crt"), Path.Combine(ClusterPki, "ca.key"));
            _certificateEditor = WriteUserKubeconfig(EditorName, clusterCa);
            _certificateViewer = WriteUserKubeconfig(ViewerName, clusterCa);
        }

        _editor = await WriteImpersonatingKubeconfigAsync(EditorName);
        _viewer = await WriteImpersonatingKubeconfigAsync(ViewerName);
    }

    public async ValueTask DisposeAsync()
    {
        if (IsExternal)
        {
            // The handlers shut the namespaces' VMs down and release them; nothing waits for that.
            foreach (var ns in _namespaces)
            {
                await Admin.RunAsync("delete", "namespace", ns, "--wait=false", "--ignore-not-found");
            }
        }
        else
        {
            await _scripts.RunAsync("hack/local-down.sh", _environment, TimeSpan.FromMinutes(2), skipBuild: false, "--purge");
        }

        Directory.Delete(LocalDirectory, recursive: true);
    }

    private async Task StartLocalStackAsync()
    {
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
            await _scripts.RunAsync("hack/local-up.sh", _environment, UpTimeout, skipBuild: false);
        }
        catch (InvalidOperationException)
        {
            // Stop whatever started; the logs stay in the run's directory.
            await _scripts.RunAsync("hack/local-down.sh", _environment, TimeSpan.FromMinutes(2), skipBuild: false);
            throw;
        }

        foreach (var (name, value) in ReadEnvFile())
        {
            _environment[name] = value;
        }
    }

    private string Setting(string name) =>
        _environment.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"{name} is not in the stack's env file");

    /// <summary>The admin's cluster and credentials (flattened into one file) with <c>as: USER</c>: the admin impersonating the user.</summary>
    private async Task<Kubectl> WriteImpersonatingKubeconfigAsync(string user)
    {
        var json = await Admin.SucceedAsync("config", "view", "--raw", "--minify", "--flatten", "-o", "json");
        var config = JsonNode.Parse(json) ?? throw new InvalidOperationException("kubectl config view printed nothing");
        var credentials = config["users"]?[0]?["user"] as JsonObject ?? throw new InvalidOperationException("the admin's kubeconfig has no user");
        credentials["as"] = user;
        var directory = Directory.CreateDirectory(Path.Combine(LocalDirectory, "impersonated", user)).FullName;
        var path = Path.Combine(directory, "kubeconfig");
        await File.WriteAllTextAsync(path, config.ToJsonString());
        if (!OperatingSystem.IsWindows())
        {
            // It holds the admin's credentials.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return NewKubectl(path, IsExternal ? null : directory);
    }

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
        return NewKubectl(path, directory);
    }

    /// <summary>kubectl with <paramref name="kubeconfig"/>, bounded per run and cancelled with the test it runs for.</summary>
    private static Kubectl NewKubectl(string kubeconfig, string? home) =>
        new(kubeconfig, home, KubectlTimeout, () => TestContext.Current.CancellationToken);

    private static string Base64(string text) => Convert.ToBase64String(Encoding.ASCII.GetBytes(text));
}
