using System.Diagnostics;

namespace VmLifecycle.Handler.Tests.Infrastructure;

/// <summary>Waits until a condition holds, polling briefly, and fails with a description after a timeout.</summary>
internal static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T?>> probe, Func<T?, bool> done, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        T? last = default;
        while (watch.Elapsed < timeout)
        {
            last = await probe();
            if (done(last))
            {
                return last!;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"Timed out after {timeout} waiting for {what}; last value: {last}");
    }

    public static Task WaitAsync(Func<bool> done, TimeSpan timeout, string what) =>
        WaitAsync(() => Task.FromResult<bool?>(done()), v => v == true, timeout, what);
}
