namespace VmLifecycle.Aggregator.Reconciliation;

/// <summary>
/// client-go's rate-limited work queue: a key is queued at most once however often it is added, is never handed to two
/// workers at a time (added while in process, it comes back after <see cref="Done"/>), can be added after a delay, and
/// retries with a per-key exponential back-off (<see cref="AddRateLimited"/>, reset by <see cref="Forget"/>).
/// </summary>
internal sealed class WorkQueue<TKey> : IDisposable
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Queue<TKey> _queue = new();
    private readonly HashSet<TKey> _dirty = [];
    private readonly HashSet<TKey> _processing = [];
    private readonly Dictionary<TKey, (DateTimeOffset Due, ITimer Timer)> _waiting = [];
    private readonly ExponentialFailureRateLimiter<TKey> _rateLimiter;
    private readonly TimeProvider _time;
    private TaskCompletionSource _changed = NewSignal();
    private bool _shuttingDown;

    public WorkQueue(TimeProvider time, TimeSpan retryBaseDelay, TimeSpan retryMaxDelay)
    {
        _time = time;
        _rateLimiter = new ExponentialFailureRateLimiter<TKey>(retryBaseDelay, retryMaxDelay);
    }

    /// <summary>Keys queued and not yet handed out.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    public bool IsShutDown
    {
        get
        {
            lock (_lock)
            {
                return _shuttingDown;
            }
        }
    }

    public void Add(TKey key)
    {
        lock (_lock)
        {
            if (_shuttingDown || !_dirty.Add(key))
            {
                return;
            }

            if (!_processing.Contains(key))
            {
                _queue.Enqueue(key);
                SignalLocked();
            }
        }
    }

    /// <summary>Adds <paramref name="key"/> once <paramref name="delay"/> has passed; an earlier pending time for the same key wins.</summary>
    public void AddAfter(TKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_lock)
        {
            if (_shuttingDown)
            {
                return;
            }

            var due = _time.GetUtcNow() + delay;
            if (_waiting.TryGetValue(key, out var pending))
            {
                if (pending.Due <= due)
                {
                    return;
                }

                pending.Timer.Dispose();
            }

            var timer = _time.CreateTimer(_ => Fire(key, due), null, delay, Timeout.InfiniteTimeSpan);
            _waiting[key] = (due, timer);
        }
    }

    /// <summary>Adds <paramref name="key"/> after its next back-off delay (5 ms, 10 ms, 20 ms, ... with the defaults).</summary>
    public void AddRateLimited(TKey key) => AddAfter(key, _rateLimiter.When(key));

    /// <summary>Resets the back-off of <paramref name="key"/> (after a success).</summary>
    public void Forget(TKey key) => _rateLimiter.Forget(key);

    public int NumRequeues(TKey key) => _rateLimiter.NumRequeues(key);

    /// <summary>Waits for the next key. Returns ShutDown=true once the queue is shut down and nothing is left.</summary>
    public async Task<(TKey Key, bool ShutDown)> GetAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_queue.TryDequeue(out var key))
                {
                    _dirty.Remove(key);
                    _processing.Add(key);
                    return (key, false);
                }

                if (_shuttingDown)
                {
                    return (default!, true);
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Marks <paramref name="key"/> as processed; if it was added meanwhile it is queued again.</summary>
    public void Done(TKey key)
    {
        lock (_lock)
        {
            _processing.Remove(key);
            if (_dirty.Contains(key) && !_shuttingDown)
            {
                _queue.Enqueue(key);
                SignalLocked();
            }
        }
    }

    /// <summary>Stops accepting keys and wakes every waiting worker; delayed additions are dropped.</summary>
    public void ShutDown()
    {
        lock (_lock)
        {
            _shuttingDown = true;
            _queue.Clear();
            _dirty.Clear();
            foreach (var (_, pending) in _waiting)
            {
                pending.Timer.Dispose();
            }

            _waiting.Clear();
            SignalLocked();
        }
    }

    public void Dispose() => ShutDown();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Fire(TKey key, DateTimeOffset due)
    {
        lock (_lock)
        {
            if (!_waiting.TryGetValue(key, out var pending) || pending.Due != due)
            {
                return;
            }

            pending.Timer.Dispose();
            _waiting.Remove(key);
        }

        Add(key);
    }

    private void SignalLocked()
    {
        var signal = _changed;
        _changed = NewSignal();
        signal.TrySetResult();
    }
}
