using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using VmLifecycle.TestSupport.Networking;
using VmLifecycle.TestSupport.Polling;
using VmLifecycle.TestSupport.Processes;

namespace VmLifecycle.Fault.Tests.TestSupport;

/// <summary>
/// One isolated local stack for the fault tests, brought up by hack/local-up.sh and removed by hack/local-down.sh
/// --purge: its own directory (.local/fault/RUN), free ports, node and namespace names carrying the run's id, no example
/// VM, and a private libvirtd (VM_LIFECYCLE_LIBVIRT=private) that the tests may kill without touching the machine's
/// libvirtd, which other stacks and test projects share. Processes are killed by the pids of the stack's env file
/// only, and restarted the way the stack restarts them: hack/local-up.sh again, which keeps what still runs.
/// </summary>
public sealed class FaultStackFixture : IAsyncLifetime
{
    public const string ReleaseNamespace = "vm-lifecycle";

    private static readonly TimeSpan UpTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RestartTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan KubectlTimeout = TimeSpan.FromSeconds(60);
    private readonly string _runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);
    private readonly StackScripts _scripts;
    private Kubectl? _admin;
    private Virsh? _virsh;

    public FaultStackFixture()
    {
        RepositoryRoot = global::VmLifecycle.TestSupport.Repository.RepositoryRoot.Path;
        LocalDirectory = Path.Combine(RepositoryRoot, ".local", "fault", _runId);
        _scripts = new StackScripts(RepositoryRoot, LocalDirectory);
    }

    public string RepositoryRoot { get; }

    public string LocalDirectory { get; }

    public string NodeName => $"fault-{_runId}-node-1";

    internal Kubectl Admin => _admin ?? throw new InvalidOperationException("the stack is not up");

    /// <summary>virsh on the stack's private libvirtd.</summary>
    internal Virsh Virsh => _virsh ?? throw new InvalidOperationException("the stack is not up");

    /// <summary>The private libvirtd's mount namespace (as /proc/PID/ns/mnt reads), where its QEMUs run.</summary>
    public string LibvirtMountNamespace => Setting("LIBVIRT_MNT_NS");

    public string HandlerUrl => Setting("HANDLER_URLS").Split(' ')[0];

    public string HandlerCaFile => Path.Combine(LocalDirectory, "pki", "handler-ca.crt");

    /// <summary>A fresh namespace for one test, so tests share no VMs; its domains are named NAMESPACE_NAME.</summary>
    internal async Task<string> CreateNamespaceAsync(string purpose)
    {
        var name = $"fault-{purpose}-{_runId}";
        await Admin.SucceedAsync("create", "namespace", name);
        return name;
    }

    /// <summary>The pid the env file names for <paramref name="process"/> (the first handler's for the handlers).</summary>
    internal int PidOf(StackProcess process) =>
        int.Parse(Setting(process.PidVariable).Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>SIGKILL to the process the env file names, after checking that the pid still runs that program.</summary>
    internal async Task<int> KillAsync(StackProcess process)
    {
        var pid = PidOf(process);
        Assert.True(ProcessTable.Runs(pid, process.CommandLineMarker), $"pid {pid} does not run the {process} ({ProcessTable.CommandLine(pid)})");
        using (var target = Process.GetProcessById(pid))
        {
            target.Kill();
        }

        // Orphans of setsid are reaped by PID 1, sometimes late: gone means no command line any more.
        await Eventually.ReturnsAsync(() => Task.FromResult(ProcessTable.Runs(pid, process.CommandLineMarker)), runs => !runs, TimeSpan.FromSeconds(30), $"the {process} (pid {pid}) is gone",
            TestContext.Current.CancellationToken);
        return pid;
    }

    /// <summary>SIGTERM: the process stops the way it is asked to.</summary>
    internal async Task<int> TerminateAsync(StackProcess process)
    {
        var pid = PidOf(process);
        Assert.True(ProcessTable.Runs(pid, process.CommandLineMarker), $"pid {pid} does not run the {process}");
        var result = await ExternalCommand.RunAsync(
            "kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)], _environment, TimeSpan.FromSeconds(10), null, TestContext.Current.CancellationToken);
        Assert.Equal(0, result.ExitCode);
        await Eventually.ReturnsAsync(() => Task.FromResult(ProcessTable.Runs(pid, process.CommandLineMarker)), runs => !runs, TimeSpan.FromSeconds(30), $"the {process} (pid {pid}) stopped",
            TestContext.Current.CancellationToken);
        return pid;
    }

    /// <summary>Whether every process the env file names still runs.</summary>
    internal bool AllRunning() => StackProcess.All.All(process => ProcessTable.Runs(PidOf(process), process.CommandLineMarker));

    /// <summary>
    /// hack/local-up.sh once more, without building, as after a crash: it keeps what still runs and restarts what died.
    /// Fails unless every process the env file names runs afterwards.
    /// </summary>
    internal async Task RestartAsync()
    {
        await _scripts.RunAsync("hack/local-up.sh", _environment, RestartTimeout, skipBuild: true);
        ReadEnvFile();
        Assert.True(AllRunning(), "a process of the stack does not run after hack/local-up.sh");
        _virsh = new Virsh(Setting("LIBVIRT_URI"));
    }

    /// <summary>Restarts what a failed test left dead, so that the next test finds a whole stack.</summary>
    internal async Task EnsureUpAsync()
    {
        if (!AllRunning())
        {
            await RestartAsync();
        }
    }

    /// <summary>Whether the VM/VMI controllers run (their Lease has a holder); without them nothing is scheduled.</summary>
    internal async Task<bool> HasControllersAsync()
    {
        var lease = await Admin.RunAsync("get", "lease", "vm-lifecycle-controllers", "-n", ReleaseNamespace, "-o", "jsonpath={.spec.holderIdentity}");
        return lease.ExitCode == 0 && lease.Output.Length > 0;
    }

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(LocalDirectory);
        var ports = FreePorts.Take(3);
        _environment["VM_LIFECYCLE_LOCAL_DIR"] = LocalDirectory;
        _environment["VM_LIFECYCLE_API_PORT"] = ports[0].ToString(CultureInfo.InvariantCulture);
        _environment["VM_LIFECYCLE_AGGREGATOR_PORT"] = ports[1].ToString(CultureInfo.InvariantCulture);
        _environment["VM_LIFECYCLE_HANDLER_PORT"] = ports[2].ToString(CultureInfo.InvariantCulture);
        _environment["VM_LIFECYCLE_HANDLERS"] = "1";
        _environment["VM_LIFECYCLE_NODE_PREFIX"] = $"fault-{_runId}-node-";
        _environment["VM_LIFECYCLE_BOOT_EXAMPLE"] = "0";
        _environment["VM_LIFECYCLE_LIBVIRT"] = "private";

        try
        {
            await _scripts.RunAsync("hack/local-up.sh", _environment, UpTimeout, skipBuild: false);
            ReadEnvFile();
        }
        catch (Exception)
        {
            // Stop whatever started (the private libvirtd too); the logs stay in the run's directory.
            await _scripts.RunAsync("hack/local-down.sh", _environment, TimeSpan.FromMinutes(2), skipBuild: false, "--purge");
            throw;
        }

        // kubectl caches discovery under HOME; the stack's own directory keeps it apart from other runs.
        var kubeconfig = Setting("KUBECONFIG");
        _admin = new Kubectl(
            kubeconfig, Path.GetDirectoryName(kubeconfig), KubectlTimeout, () => TestContext.Current.CancellationToken, Path.Combine(RepositoryRoot, ".local", "bin"));
        _virsh = new Virsh(Setting("LIBVIRT_URI"));
    }

    public async ValueTask DisposeAsync()
    {
        // --purge deletes the logs with the stack; the last run's are kept for the failures to be read.
        var logs = new DirectoryInfo(Path.Combine(LocalDirectory, "logs"));
        var kept = Path.Combine(RepositoryRoot, ".local", "fault-logs");
        if (logs.Exists)
        {
            if (Directory.Exists(kept))
            {
                Directory.Delete(kept, recursive: true);
            }

            Directory.CreateDirectory(kept);
            foreach (var file in logs.EnumerateFiles().Append(new FileInfo(_scripts.LogFile)).Where(file => file.Exists))
            {
                file.CopyTo(Path.Combine(kept, file.Name));
            }
        }

        await _scripts.RunAsync("hack/local-down.sh", _environment, TimeSpan.FromMinutes(2), skipBuild: false, "--purge");
        Directory.Delete(LocalDirectory, recursive: true);
    }

    private void ReadEnvFile()
    {
        foreach (var (name, value) in _scripts.ReadEnvFile())
        {
            _environment[name] = value;
        }
    }

    private string Setting(string name) =>
        _environment.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new InvalidOperationException($"{name} is not in the stack's env file");
}
