namespace VmLifecycle.Aggregator.Reconciliation;

/// <summary>client-go's ItemExponentialFailureRateLimiter: the n-th consecutive failure of a key waits base * 2^n, capped.</summary>
internal sealed class ExponentialFailureRateLimiter<TKey>(TimeSpan baseDelay, TimeSpan maxDelay)
    where TKey : notnull
{
    private readonly Dictionary<TKey, int> _failures = [];
    private readonly Lock _lock = new();

    public TimeSpan When(TKey key)
    {
        int failures;
        lock (_lock)
        {
            _failures.TryGetValue(key, out failures);
            _failures[key] = failures + 1;
        }

        var delay = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 62));
        return delay >= maxDelay.TotalMilliseconds ? maxDelay : TimeSpan.FromMilliseconds(delay);
    }

    public int NumRequeues(TKey key)
    {
        lock (_lock)
        {
            return _failures.TryGetValue(key, out var failures) ? failures : 0;
        }
    }

    public void Forget(TKey key)
    {
        lock (_lock)
        {
            _failures.Remove(key);
        }
    }
}
