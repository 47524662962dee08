using System.Collections.Concurrent;
using System.Globalization;
using k8s;
using k8s.Models;
using VmLifecycle.Aggregator.Reconciliation;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Caching;

/// <summary>
/// <see cref="IWatchCache"/> on its own informers, started with the server on every replica (the controllers' informers
/// run only on the leader), so /readyz can wait for the first LIST. Stopped with the host.
/// </summary>
internal sealed class InformerWatchCache : IWatchCache, IHostedService, IDisposable
{
    private readonly Informer<VirtualMachine> _vms;
    private readonly Informer<VirtualMachineInstance> _vmis;
    private readonly Informer<V1Node> _nodes;
    private readonly ConcurrentDictionary<EntityKey, string> _superseded = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task _running = Task.CompletedTask;
    private Task _ready = Task.FromCanceled(new CancellationToken(true));

    public InformerWatchCache(IKubernetes kubernetes, InformerOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        _vms = new Informer<VirtualMachine>(new CustomResourceListWatch<VirtualMachine>(kubernetes, options), options, time, loggers.CreateLogger<Informer<VirtualMachine>>());
        _vmis = new Informer<VirtualMachineInstance>(new CustomResourceListWatch<VirtualMachineInstance>(kubernetes, options), options, time, loggers.CreateLogger<Informer<VirtualMachineInstance>>());
        _nodes = new Informer<V1Node>(new NodeListWatch(kubernetes, options), options, time, loggers.CreateLogger<Informer<V1Node>>());
    }

    public bool IsSynced => _ready.IsCompletedSuccessfully;

    public VirtualMachineInstance? GetVmi(string @namespace, string name)
    {
        var key = new EntityKey(@namespace, name);
        var cached = _vmis.Cache.Get(key);
        if (cached is null || !_superseded.TryGetValue(key, out var seen))
        {
            return cached;
        }

        if (!IsNewer(cached.Metadata?.ResourceVersion, seen))
        {
            return null;
        }

        _superseded.TryRemove(new KeyValuePair<EntityKey, string>(key, seen));
        return cached;
    }

    public bool TryGetVm(string @namespace, string name, out VirtualMachine? vm)
    {
        vm = _vms.Cache.Get(@namespace, name);
        return vm is not null || IsSynced;
    }

    public V1Node? GetNode(string name) => _nodes.Cache.Get(null, name);

    public void Superseded(VirtualMachineInstance vmi)
    {
        if (vmi.Metadata?.ResourceVersion is { Length: > 0 } version)
        {
            _superseded[EntityKey.Of(vmi)] = version;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var token = _stopping.Token;
        _running = Task.WhenAll(
            Task.Run(() => _vms.RunAsync(token), CancellationToken.None),
            Task.Run(() => _vmis.RunAsync(token), CancellationToken.None),
            Task.Run(() => _nodes.RunAsync(token), CancellationToken.None));
        _ready = Task.WhenAll(_vms.ReadyAsync(token), _vmis.ReadyAsync(token), _nodes.ReadyAsync(token));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await _running.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopped (or the host gave up waiting).
        }
    }

    public void Dispose() => _stopping.Dispose();

    // resourceVersions are opaque, but every API server in use issues integers; compare them when they are.
    private static bool IsNewer(string? cached, string seen) =>
        long.TryParse(cached, NumberStyles.None, CultureInfo.InvariantCulture, out var cachedVersion)
        && long.TryParse(seen, NumberStyles.None, CultureInfo.InvariantCulture, out var seenVersion)
            ? cachedVersion > seenVersion
            : cached is not null && cached != seen;
}
