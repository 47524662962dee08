namespace VmLifecycle.LocalCluster.Tests.Infrastructure;

/// <summary>Polls for a condition that background controllers (garbage collector, namespace cleanup) establish.</summary>
internal static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
