using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace VmLifecycle.Aggregator.Reconciliation;

/// <summary>
/// Keeps an <see cref="EntityCache{TEntity}"/> of one resource current, after YARP's Kubernetes controller: LIST, remember
/// the resourceVersion, diff against the previous cache (so deletions missed while disconnected are reported), WATCH from
/// there, LIST again on 410 Expired, with throttled reconnects. Subscribers are told every change, on the informer's loop.
/// </summary>
internal sealed partial class Informer<TEntity> : IInformer
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IListWatchClient<TEntity> _client;
    private readonly InformerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly List<Action<InformerEvent<TEntity>>> _subscribers = [];
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Informer(IListWatchClient<TEntity> client, InformerOptions options, TimeProvider time, ILogger<Informer<TEntity>> logger)
    {
        _client = client;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public EntityCache<TEntity> Cache { get; } = new();

    private static string Kind => typeof(TEntity).Name;

    /// <summary>Calls <paramref name="handler"/> for every change until the returned subscription is disposed.</summary>
    public IDisposable Subscribe(Action<InformerEvent<TEntity>> handler)
    {
        lock (_lock)
        {
            _subscribers.Add(handler);
        }

        return new Subscription(() =>
        {
            lock (_lock)
            {
                _subscribers.Remove(handler);
            }
        });
    }

    public Task ReadyAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _ready.Task.WaitAsync(cancellationToken);
        }
    }

    public Task RunAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_ready.Task.IsCompleted)
            {
                _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        return LoopAsync(cancellationToken);
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        string? resourceVersion = null;
        var delay = _options.ReconnectMinDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (resourceVersion is null)
                {
                    resourceVersion = await ListAsync(cancellationToken);
                    lock (_lock)
                    {
                        _ready.TrySetResult();
                    }
                }

                var outcome = await WatchAsync(resourceVersion, cancellationToken);
                resourceVersion = outcome.ResourceVersion;
                if (outcome.ReceivedEvents)
                {
                    delay = _options.ReconnectMinDelay;
                }
                else
                {
                    // A watch that ends without a single event is throttled like a failure, so a server that closes
                    // streams at once is not hammered.
                    await Task.Delay(delay, _time, cancellationToken);
                    delay = Next(delay);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                if (IsExpired(e))
                {
                    LogExpired(_logger, Kind);
                    resourceVersion = null;
                }
                else if (e is HttpRequestException or IOException)
                {
                    // The API server is unreachable or went away (a restart): expected, no stack trace needed.
                    LogDisconnected(_logger, Kind, e.Message, delay);
                }
                else
                {
                    LogFailed(_logger, e, Kind, delay);
                }

                try
                {
                    await Task.Delay(delay, _time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                delay = Next(delay);
            }
        }
    }

    private async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        var (items, resourceVersion) = await _client.ListAsync(cancellationToken);
        var changes = Cache.Replace(items);
        LogListed(_logger, Kind, items.Count, resourceVersion, changes.Count);
        foreach (var change in changes)
        {
            Publish(change);
        }

        return resourceVersion;
    }

    private async Task<(string? ResourceVersion, bool ReceivedEvents)> WatchAsync(string resourceVersion, CancellationToken cancellationToken)
    {
        Exception? streamError = null;
        var received = false;
        await foreach (var (type, entity) in _client.WatchAsync(resourceVersion, e => streamError ??= e, cancellationToken))
        {
            received = true;
            var change = type switch
            {
                WatchEventType.Added or WatchEventType.Modified => Cache.Upsert(entity),
                WatchEventType.Deleted => Cache.Remove(entity),
                _ => null,
            };
            if (entity.Metadata?.ResourceVersion is { Length: > 0 } version)
            {
                resourceVersion = version;
            }

            if (change is not null)
            {
                Publish(change);
            }
        }

        if (streamError is not null)
        {
            throw streamError;
        }

        return (resourceVersion, received);
    }

    private void Publish(InformerEvent<TEntity> change)
    {
        Action<InformerEvent<TEntity>>[] subscribers;
        lock (_lock)
        {
            subscribers = [.. _subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            try
            {
                subscriber(change);
            }
            catch (Exception e)
            {
                LogSubscriberFailed(_logger, e, Kind);
            }
        }
    }

    private TimeSpan Next(TimeSpan delay)
    {
        var doubled = delay * 2;
        return doubled > _options.ReconnectMaxDelay ? _options.ReconnectMaxDelay : doubled;
    }

    private static bool IsExpired(Exception e) => e switch
    {
        KubernetesException { Status.Code: (int)HttpStatusCode.Gone } => true,
        KubernetesException { Status.Reason: "Expired" or "Gone" } => true,
        HttpOperationException { Response.StatusCode: HttpStatusCode.Gone } => true,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Listed {Kind}: {Count} objects at resourceVersion {ResourceVersion}, {Changes} changes")]
    private static partial void LogListed(ILogger logger, string kind, int count, string resourceVersion, int changes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watch of {Kind} expired (410); listing again")]
    private static partial void LogExpired(ILogger logger, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "List/watch of {Kind} lost the API server ({Error}); retrying in {Delay}")]
    private static partial void LogDisconnected(ILogger logger, string kind, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "List/watch of {Kind} failed; retrying in {Delay}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string kind, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "A subscriber of the {Kind} informer failed")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception, string kind);

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                unsubscribe();
            }
        }
    }
}
