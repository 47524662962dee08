using System.Collections.Concurrent;
using VmLifecycle.Aggregator.Observability;

namespace VmLifecycle.Aggregator.Tests.TestSupport;

internal sealed class RecordingEventRecorder : ILifecycleEventRecorder
{
    private readonly ConcurrentQueue<LifecycleEvent> _events = new();

    public IReadOnlyList<LifecycleEvent> Events => [.. _events];

    public Task RecordAsync(LifecycleEvent lifecycleEvent, CancellationToken cancellationToken)
    {
        _events.Enqueue(lifecycleEvent);
        return Task.CompletedTask;
    }
}
