namespace VmLifecycle.TestSupport.Polling;

/// <summary>Polls a condition of a running stack until it holds or the time is up.</summary>
public static class Eventually
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Calls <paramref name="probe"/> until <paramref name="accept"/> holds for its value and returns that value; once
    /// <paramref name="timeout"/> has passed, fails the test with "WHAT within N s; last seen: VALUE". Exceptions of the
    /// probe end the wait. <paramref name="cancellationToken"/> is the test's (<c>TestContext.Current.CancellationToken</c>).
    /// </summary>
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> accept, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(accept);
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (accept(value))
            {
                return value;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TestFailureException($"{what} within {timeout.TotalSeconds} s; last seen: {value}");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
