using System.Collections.Concurrent;
using k8s;
using k8s.Models;

namespace VmLifecycle.Aggregator.Reconciliation;

/// <summary>
/// The work loop of one controller: informer changes (of its own kind, and of other kinds mapped to its keys) feed a
/// <see cref="WorkQueue{TKey}"/>; workers take keys, read the object from the cache and call the
/// <see cref="IEntityController{TEntity}"/> in a fresh DI scope; the result decides requeue and back-off.
/// </summary>
internal sealed partial class EntityReconciler<TEntity> : IReconcileLoop
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Informer<TEntity> _informer;
    private readonly IServiceScopeFactory _scopes;
    private readonly ReconcilerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly List<Func<Action<EntityKey>, IDisposable>> _sources = [];
    private readonly List<IInformer> _dependencies = [];
    private readonly ConcurrentDictionary<EntityKey, TEntity> _tombstones = new();
    private volatile WorkQueue<EntityKey>? _queue;

    public EntityReconciler(Informer<TEntity> informer, IServiceScopeFactory scopes, ReconcilerOptions options, TimeProvider time, ILogger<EntityReconciler<TEntity>> logger)
    {
        _informer = informer;
        _scopes = scopes;
        _options = options;
        _time = time;
        _logger = logger;
        _dependencies.Add(informer);
        _sources.Add(enqueue => informer.Subscribe(change =>
        {
            var key = EntityKey.Of(change.Entity);
            if (change.Type == InformerEventType.Deleted)
            {
                _tombstones[key] = change.Entity;
            }
            else
            {
                _tombstones.TryRemove(key, out _);
            }

            enqueue(key);
        }));
    }

    /// <summary>Also reconciles the keys <paramref name="map"/> names for every change of another kind (KubeOps' and client-go's secondary watches).</summary>
    public EntityReconciler<TEntity> Watches<TOther>(Informer<TOther> informer, Func<InformerEvent<TOther>, IEnumerable<EntityKey>> map)
        where TOther : class, IKubernetesObject<V1ObjectMeta>
    {
        _dependencies.Add(informer);
        _sources.Add(enqueue => informer.Subscribe(change =>
        {
            foreach (var key in map(change))
            {
                enqueue(key);
            }
        }));
        return this;
    }

    /// <summary>Queues <paramref name="key"/> for a reconcile (ignored while this replica does not lead).</summary>
    public void Enqueue(EntityKey key) => _queue?.Add(key);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var queue = new WorkQueue<EntityKey>(_time, _options.RetryBaseDelay, _options.RetryMaxDelay);
        _queue = queue;
        var subscriptions = _sources.Select(source => source(queue.Add)).ToList();
        try
        {
            foreach (var dependency in _dependencies)
            {
                await dependency.ReadyAsync(cancellationToken);
            }

            foreach (var key in _informer.Cache.Keys())
            {
                queue.Add(key);
            }

            foreach (var key in _tombstones.Keys)
            {
                queue.Add(key);
            }

            LogStarted(_logger, typeof(TEntity).Name, _informer.Cache.Count);
            var workers = Enumerable.Range(0, Math.Max(1, _options.Workers)).Select(_ => WorkAsync(queue, cancellationToken)).ToList();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Leadership lost or shutting down.
            }

            queue.ShutDown();
            await Task.WhenAll(workers);
        }
        finally
        {
            _queue = null;
            foreach (var subscription in subscriptions)
            {
                subscription.Dispose();
            }

            LogStopped(_logger, typeof(TEntity).Name);
        }
    }

    private async Task WorkAsync(WorkQueue<EntityKey> queue, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (key, shutDown) = await queue.GetAsync(CancellationToken.None);
            if (shutDown)
            {
                return;
            }

            try
            {
                await ProcessAsync(queue, key, cancellationToken);
            }
            finally
            {
                queue.Done(key);
            }
        }
    }

    private async Task ProcessAsync(WorkQueue<EntityKey> queue, EntityKey key, CancellationToken cancellationToken)
    {
        ReconciliationResult result;
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var controller = scope.ServiceProvider.GetRequiredService<IEntityController<TEntity>>();
            if (_informer.Cache.Get(key) is { } entity)
            {
                result = await controller.ReconcileAsync(entity, cancellationToken);
            }
            else if (_tombstones.TryRemove(key, out var deleted))
            {
                result = await controller.DeletedAsync(deleted, cancellationToken);
            }
            else
            {
                result = ReconciliationResult.Success();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            result = ReconciliationResult.Failure(e.Message, e);
        }

        if (result.IsSuccess)
        {
            queue.Forget(key);
            if (result.RequeueAfter is { } after)
            {
                queue.AddAfter(key, after);
            }

            return;
        }

        LogFailed(_logger, result.Error, typeof(TEntity).Name, key.ToString(), result.ErrorMessage ?? "", queue.NumRequeues(key) + 1);
        if (result.RequeueAfter is { } delay)
        {
            queue.AddAfter(key, delay);
        }
        else
        {
            queue.AddRateLimited(key);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} controller started with {Count} cached objects")]
    private static partial void LogStarted(ILogger logger, string kind, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} controller stopped")]
    private static partial void LogStopped(ILogger logger, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciling {Kind} {Key} failed ({Attempt}): {Message}")]
    private static partial void LogFailed(ILogger logger, Exception? exception, string kind, string key, string message, int attempt);
}
