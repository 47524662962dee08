using Microsoft.Extensions.Time.Testing;
using VmLifecycle.Aggregator.Reconciliation;

namespace VmLifecycle.Aggregator.Tests.Reconciliation;

public sealed class WorkQueueTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_key_added_twice_before_it_is_taken_is_handed_out_once()
    {
        using var queue = new WorkQueue<string>(new FakeTimeProvider(), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

        queue.Add("default/a");
        queue.Add("default/a");
        queue.Add("default/b");

        Assert.Equal(2, queue.Count);
        Assert.Equal("default/a", (await queue.GetAsync(Token)).Key);
        Assert.Equal("default/b", (await queue.GetAsync(Token)).Key);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task A_key_added_while_in_process_comes_back_only_after_done()
    {
        using var queue = new WorkQueue<string>(new FakeTimeProvider(), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        queue.Add("a");
        var (key, _) = await queue.GetAsync(Token);

        queue.Add("a");
        var second = queue.GetAsync(Token);
        await Task.Delay(50, Token);
        Assert.False(second.IsCompleted);

        queue.Done(key);
        Assert.Equal("a", (await second.WaitAsync(TimeSpan.FromSeconds(5), Token)).Key);
    }

    [Fact]
    public async Task Retries_of_a_failing_key_wait_exponentially_longer_until_it_is_forgotten()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>(time, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(1), await DelayOfNextRetryAsync(queue, time));
        Assert.Equal(TimeSpan.FromSeconds(2), await DelayOfNextRetryAsync(queue, time));
        Assert.Equal(TimeSpan.FromSeconds(3), await DelayOfNextRetryAsync(queue, time));
        Assert.Equal(TimeSpan.FromSeconds(3), await DelayOfNextRetryAsync(queue, time));
        Assert.Equal(4, queue.NumRequeues("a"));

        queue.Forget("a");

        Assert.Equal(0, queue.NumRequeues("a"));
        Assert.Equal(TimeSpan.FromSeconds(1), await DelayOfNextRetryAsync(queue, time));
    }

    [Fact]
    public async Task Back_off_is_kept_per_key()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>(time, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        await DelayOfNextRetryAsync(queue, time);
        await DelayOfNextRetryAsync(queue, time);

        queue.AddRateLimited("a");
        queue.AddRateLimited("b");
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("b", (await queue.GetAsync(Token)).Key);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task A_delayed_key_is_queued_once_its_delay_has_passed_and_the_earlier_of_two_delays_wins()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue<string>(time, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        queue.AddAfter("a", TimeSpan.FromSeconds(3));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, queue.Count);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("a", (await queue.GetAsync(Token)).Key);
        queue.Done("a");

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task Shutting_down_wakes_waiting_workers_and_refuses_new_keys()
    {
        using var queue = new WorkQueue<string>(new FakeTimeProvider(), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var waiting = queue.GetAsync(Token);

        queue.ShutDown();
        queue.Add("a");

        Assert.True((await waiting.WaitAsync(TimeSpan.FromSeconds(5), Token)).ShutDown);
        Assert.True((await queue.GetAsync(Token)).ShutDown);
    }

    private static async Task<TimeSpan> DelayOfNextRetryAsync(WorkQueue<string> queue, FakeTimeProvider time)
    {
        queue.AddRateLimited("a");
        var waited = TimeSpan.Zero;
        while (queue.Count == 0)
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            waited += TimeSpan.FromMilliseconds(500);
        }

        var (key, _) = await queue.GetAsync(Token);
        queue.Done(key);
        return waited;
    }
}
