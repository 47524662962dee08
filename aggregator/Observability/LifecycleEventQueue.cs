using System.Threading.Channels;

namespace VmLifecycle.Aggregator.Observability;

/// <summary>
/// Records lifecycle Events in the background, so a request does not wait for the API server to store its Event. The
/// queue is bounded: when it is full an Event is dropped with a log line. On shutdown what is queued is still recorded,
/// for as long as the host's shutdown timeout allows.
/// </summary>
internal sealed partial class LifecycleEventQueue : IHostedService, IDisposable
{
    public const int Capacity = 1024;

    private readonly ILifecycleEventRecorder _recorder;
    private readonly ILogger<LifecycleEventQueue> _logger;
    private readonly Channel<LifecycleEvent> _queue = Channel.CreateBounded<LifecycleEvent>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _abandon = new();
    private Task _draining = Task.CompletedTask;

    public LifecycleEventQueue(ILifecycleEventRecorder recorder, ILogger<LifecycleEventQueue> logger)
    {
        _recorder = recorder;
        _logger = logger;
    }

    /// <summary>Queues <paramref name="lifecycleEvent"/> without waiting; drops it (logged) when the queue is full or stopped.</summary>
    public void Enqueue(LifecycleEvent lifecycleEvent)
    {
        if (!_queue.Writer.TryWrite(lifecycleEvent))
        {
            LogDropped(_logger, lifecycleEvent.Reason, lifecycleEvent.Namespace, lifecycleEvent.InvolvedName, Capacity);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _draining = Task.Run(DrainAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        try
        {
            await _draining.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _abandon.CancelAsync();
            LogAbandoned(_logger, _queue.Reader.Count);
        }
    }

    public void Dispose() => _abandon.Dispose();

    private async Task DrainAsync()
    {
        try
        {
            await foreach (var lifecycleEvent in _queue.Reader.ReadAllAsync(_abandon.Token))
            {
                // The recorder logs and swallows its own failures; anything else must not end the loop.
                try
                {
                    await _recorder.RecordAsync(lifecycleEvent, _abandon.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(_logger, e, lifecycleEvent.Reason, lifecycleEvent.Namespace, lifecycleEvent.InvolvedName);
                }
            }
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            // Shutdown gave up on the rest.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {Reason} on {Namespace}/{Name} dropped: the event queue ({Capacity}) is full or stopped")]
    private static partial void LogDropped(ILogger logger, string reason, string @namespace, string name, int capacity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown: {Count} queued events not recorded")]
    private static partial void LogAbandoned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record event {Reason} on {Namespace}/{Name}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string reason, string @namespace, string name);
}
