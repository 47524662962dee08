using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using VmLifecycle.Handler.Configuration;
using VmLifecycle.Handler.Domains;
using VmLifecycle.Handler.Kubernetes;
using VmLifecycle.Handler.Libvirt;
using VmLifecycle.Handler.Observability;

namespace VmLifecycle.Handler.Lifecycle;

/// <summary>
/// Drives <see cref="DomainReconciler"/>: feeds the work queue from the VMI watch (VMIs whose status.nodeName is this
/// node, and keys that disappear between two lists), from libvirt lifecycle events (domain name → VMI key), from a
/// reconnect of libvirt, and from a periodic resync of every known VMI and every domain of this node, which is also how
/// domains are re-adopted (or cleaned up) after a handler restart. A watch event of the handler's own write queues
/// nothing (the writer already acted on that state), nor does the domain event of a pause or unpause the pause endpoint
/// reports itself (<see cref="DomainEventExpectations"/>). Workers reconcile distinct keys in parallel; a key is
/// never reconciled twice at once, and it shares <see cref="InstanceLocks"/> with the pause endpoint.
/// </summary>
internal sealed partial class LifecycleController : BackgroundService
{
    private static readonly TimeSpan _errorBackoff = TimeSpan.FromSeconds(2);
    private readonly IVirtualMachineInstanceStore _store;
    private readonly NodeDomains _domains;
    private readonly DomainReconciler _reconciler;
    private readonly InstanceLocks _locks;
    private readonly DomainEventExpectations _expectations;
    private readonly HandlerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<LifecycleController> _logger;
    private readonly WorkQueue _queue;
    private readonly ConcurrentDictionary<string, byte> _known = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LifecycleController(
        IVirtualMachineInstanceStore store,
        NodeDomains domains,
        DomainReconciler reconciler,
        InstanceLocks locks,
        DomainEventExpectations expectations,
        IOptions<HandlerOptions> options,
        TimeProvider time,
        ILogger<LifecycleController> logger)
    {
        _store = store;
        _domains = domains;
        _reconciler = reconciler;
        _locks = locks;
        _expectations = expectations;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _queue = new WorkQueue(time);
    }

    /// <summary>True once the first VMI list has been processed and libvirt is connected.</summary>
    public bool IsSynced => _synced.Task.IsCompleted;

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    /// <summary>Queues a key now (the pause endpoint uses it when it changed a domain but could not report it).</summary>
    public void Enqueue(string key) => _queue.Add(key);

    public override void Dispose()
    {
        _queue.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var libvirt = _domains.Libvirt.Connection;
        await libvirt.ConnectAsync(stoppingToken);
        libvirt.Reconnected += OnReconnected;
        try
        {
            var loops = new List<Task>
            {
                WatchLoopAsync(stoppingToken),
                EventLoopAsync(libvirt, stoppingToken),
                ResyncLoopAsync(stoppingToken),
            };
            await _synced.Task.WaitAsync(stoppingToken);
            for (var i = 0; i < Math.Max(1, _options.Workers); i++)
            {
                loops.Add(WorkerAsync(stoppingToken));
            }

            await Task.WhenAll(loops);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            libvirt.Reconnected -= OnReconnected;
            _queue.ShutDown();
        }
    }

    private void OnReconnected(object? sender, EventArgs e) => EnqueueEverything();

    private async Task WatchLoopAsync(CancellationToken cancellationToken)
    {
        await foreach (var change in _store.WatchAsync(cancellationToken))
        {
            switch (change)
            {
                case VmiSnapshot snapshot:
                    var current = snapshot.Items.Where(IsOnThisNode).Select(VmiKey.For).ToHashSet(StringComparer.Ordinal);
                    foreach (var missing in _known.Keys.Where(k => !current.Contains(k)))
                    {
                        _known.TryRemove(missing, out _);
                        _queue.Add(missing);
                    }

                    foreach (var key in current)
                    {
                        _known[key] = 0;
                    }

                    EnqueueEverything();
                    _synced.TrySetResult();
                    break;
                case VmiChange { Vmi: var vmi, Type: var type }:
                    var vmiKey = VmiKey.For(vmi);
                    if (type != k8s.WatchEventType.Deleted && IsOnThisNode(vmi))
                    {
                        _known[vmiKey] = 0;
                        if (type != k8s.WatchEventType.Modified || !IsOwnWrite(vmi))
                        {
                            _queue.Add(vmiKey);
                        }
                    }
                    else if (_known.TryRemove(vmiKey, out _))
                    {
                        _queue.Add(vmiKey);
                    }

                    break;
            }
        }
    }

    private async Task EventLoopAsync(LibvirtConnection libvirt, CancellationToken cancellationToken)
    {
        await foreach (var domainEvent in libvirt.Events.ReadAllAsync(cancellationToken))
        {
            HandlerMetrics.CountEvent(domainEvent.Type);
            LogDomainEvent(_logger, domainEvent.DomainName, domainEvent.Type, domainEvent.Detail);
            if (_expectations.Consume(domainEvent))
            {
                continue;
            }

            if (VmiKey.ForDomain(domainEvent.DomainName) is { } key)
            {
                _queue.Add(key);
            }
        }
    }

    private async Task ResyncLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.ResyncInterval, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            EnqueueEverything();
        }
    }

    private void EnqueueEverything()
    {
        foreach (var key in _known.Keys)
        {
            _queue.Add(key);
        }

        try
        {
            var owned = _domains.ListOwned();
            HandlerMetrics.SetDomains(owned);
            foreach (var domain in owned)
            {
                _queue.Add(domain.Identity!.Key);
            }
        }
        catch (LibvirtException e)
        {
            LogListFailed(_logger, e);
        }
    }

    private async Task WorkerAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var key = await _queue.GetAsync(cancellationToken);
            try
            {
                using var held = await _locks.AcquireAsync(key, cancellationToken);
                var again = await _reconciler.ReconcileAsync(key, cancellationToken);
                if (again is { } delay)
                {
                    _queue.AddAfter(key, delay);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogReconcileFailed(_logger, e, key);
                _queue.AddAfter(key, _errorBackoff);
            }
            finally
            {
                _queue.Done(key);
            }
        }
    }

    private bool IsOnThisNode(Api.VirtualMachineInstances.VirtualMachineInstance vmi) => vmi.Status?.NodeName == _options.NodeName;

    /// <summary>
    /// The VMI exactly as this handler last wrote it (a status or finalizer write under the VMI's lock, from a read at least
    /// as new as every earlier event): it needs no reconcile of its own; every earlier change was queued when it arrived.
    /// </summary>
    private bool IsOwnWrite(Api.VirtualMachineInstances.VirtualMachineInstance vmi) =>
        vmi.Metadata?.ResourceVersion is { } version && _store.IsOwnWrite(vmi.Metadata.NamespaceProperty, vmi.Metadata.Name, version);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Domain event {Domain}: {Event} ({Detail})")]
    private static partial void LogDomainEvent(ILogger logger, string domain, DomainLifecycleEventType @event, int detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing the domains of this node failed")]
    private static partial void LogListFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciling {Key} failed; retrying")]
    private static partial void LogReconcileFailed(ILogger logger, Exception exception, string key);
}
