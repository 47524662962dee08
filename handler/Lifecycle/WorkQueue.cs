namespace VmLifecycle.Handler.Lifecycle;

/// <summary>
/// A client-go style work queue of VMI keys (namespace/name): a key is queued at most once, a key being processed is
/// never handed to a second worker (a re-add while processing runs it again afterwards), and
/// <see cref="AddAfter"/> delays a key on the injected clock (grace periods, ACPI retries, back-off).
/// </summary>
internal sealed class WorkQueue(TimeProvider time) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly LinkedList<string> _queue = new();
    private readonly HashSet<string> _dirty = new(StringComparer.Ordinal);
    private readonly HashSet<string> _processing = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _available = new(0);
    private bool _shutDown;

    public void Add(string key)
    {
        lock (_gate)
        {
            if (_shutDown || !_dirty.Add(key) || _processing.Contains(key))
            {
                return;
            }

            _queue.AddLast(key);
        }

        _available.Release();
    }

    public void AddAfter(string key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        ITimer? timer = null;
        timer = time.CreateTimer(_ =>
        {
            Add(key);
            timer?.Dispose();
        }, null, delay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The next key; call <see cref="Done"/> when it is processed.</summary>
    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await _available.WaitAsync(cancellationToken);
            lock (_gate)
            {
                if (_queue.First is { } first)
                {
                    _queue.RemoveFirst();
                    _dirty.Remove(first.Value);
                    _processing.Add(first.Value);
                    return first.Value;
                }
            }
        }
    }

    public void Done(string key)
    {
        var requeue = false;
        lock (_gate)
        {
            _processing.Remove(key);
            if (_dirty.Contains(key))
            {
                _queue.AddLast(key);
                requeue = true;
            }
        }

        if (requeue)
        {
            _available.Release();
        }
    }

    public void Dispose() => _available.Dispose();

    public void ShutDown()
    {
        lock (_gate)
        {
            _shutDown = true;
        }
    }
}
