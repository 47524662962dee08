namespace VmLifecycle.Aggregator.Tests.TestSupport;

/// <summary>Waits until something the controllers do in the background has happened, polling, with a deadline.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        Exception? last = null;
        T value = default!;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                value = await read();
                if (done(value))
                {
                    return value;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                last = e;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"Timed out waiting for {what}; last value: {value}", last);
    }

    public static Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        ValueAsync(condition, done => done, what, timeout);

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        ValueAsync(() => Task.FromResult(condition()), done => done, what, timeout);
}
