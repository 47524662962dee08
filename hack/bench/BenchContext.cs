using VmLifecycle.Bench.Baselines;
using VmLifecycle.Bench.Cluster;
using VmLifecycle.Bench.Measurements;

namespace VmLifecycle.Bench;

/// <summary>
/// What the rows share: the stack and its clients, the VMI watch, the command runner (KUBECONFIG of the bench stack,
/// its kubectl-virt first on PATH), the baseline domains, and the pair the pause rows use: VMI bench-pause and domain
/// bench-virsh-pause, made from the same XML.
/// </summary>
internal sealed class BenchContext : IAsyncDisposable
{
    public const string PauseVmi = "bench-pause";
    public const string PauseBaseline = "pause";
    public static readonly TimeSpan BootTimeout = TimeSpan.FromMinutes(10);

    private BenchContext(BenchSettings settings, Stack stack, HttpClient cluster, VmiWatch watch, CommandRunner commands)
    {
        Settings = settings;
        Stack = stack;
        Cluster = cluster;
        Vmis = new VmiApi(cluster, settings.Namespace);
        Watch = watch;
        Commands = commands;
        Baselines = new BaselineDomains(commands, settings.WorkDirectory);
    }

    public BenchSettings Settings { get; }

    public Stack Stack { get; }

    public HttpClient Cluster { get; }

    public VmiApi Vmis { get; }

    public VmiWatch Watch { get; }

    public CommandRunner Commands { get; }

    public BaselineDomains Baselines { get; }

    public string PluginBinary => Path.Combine(Settings.Repository, ".local", "bin", "kubectl-virt");

    /// <summary>The domain name the handler gives a bench VMI.</summary>
    public string DomainOf(string vmi) => $"{Settings.Namespace}_{vmi}";

    public static async Task<BenchContext> OpenAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var stack = Stack.Load(settings.LocalDirectory);
        Directory.CreateDirectory(settings.WorkDirectory);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["KUBECONFIG"] = stack.Kubeconfig,
            ["PATH"] = $"{Path.Combine(settings.Repository, ".local", "bin")}:{Environment.GetEnvironmentVariable("PATH")}",
        };
        var cluster = stack.ClusterClient(connections: 64);
        var watch = new VmiWatch(cluster, new VmiApi(cluster, settings.Namespace).CollectionPath);
        await watch.StartAsync(cancellationToken);
        return new BenchContext(settings, stack, cluster, watch, new CommandRunner(environment));
    }

    /// <summary>
    /// Boots VMI bench-pause and, from its domain XML, the baseline domain bench-virsh-pause, and waits until both guests
    /// have finished booting (their QEMU processes nearly idle): the pause rows measure the stack, not two boots.
    /// </summary>
    public async Task PreparePausePairAsync(CancellationToken cancellationToken)
    {
        await Vmis.CreateAsync(PauseVmi, cancellationToken);
        await Watch.RunningAsync(PauseVmi, BootTimeout);
        await Baselines.LoadTemplateAsync(DomainOf(PauseVmi));
        await Baselines.CreateAsync(PauseBaseline, Baselines.Prepare(PauseBaseline));
        var waited = await GuestActivity.WaitUntilIdleAsync([DomainOf(PauseVmi), BaselineDomains.Prefix + PauseBaseline], TimeSpan.FromSeconds(90), cancellationToken);
        await Console.Error.WriteLineAsync($"bench: both guests idle after {waited.TotalSeconds:F0} s");
    }

    /// <summary>Deletes the VMIs (grace period 0: the handler destroys their domains at once) and waits until they are gone.</summary>
    public async Task DeleteVmisAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (name, ct) => await Vmis.DeleteAsync(name, ct));
        await Task.WhenAll(names.Select(name => Watch.GoneAsync(name, BootTimeout)));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await DeleteVmisAsync([PauseVmi], CancellationToken.None);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TimeoutException)
        {
            await Console.Error.WriteLineAsync($"bench: deleting {PauseVmi}: {e.Message}");
        }

        await Baselines.DestroyAllAsync();
        await Watch.DisposeAsync();
        Cluster.Dispose();
    }
}
