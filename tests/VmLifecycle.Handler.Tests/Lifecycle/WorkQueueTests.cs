using Microsoft.Extensions.Time.Testing;
using VmLifecycle.Handler.Lifecycle;

namespace VmLifecycle.Handler.Tests.Lifecycle;

/// <summary>The reconcile queue's guarantees.</summary>
public sealed class WorkQueueTests
{
    [Fact]
    public async Task A_key_added_twice_is_handed_out_once_and_a_key_readded_while_processing_comes_back_after_Done()
    {
        using var queue = new WorkQueue(TimeProvider.System);
        queue.Add("a");
        queue.Add("a");
        queue.Add("b");

        var first = await queue.GetAsync(TestContext.Current.CancellationToken);
        queue.Add(first);
        var second = await queue.GetAsync(TestContext.Current.CancellationToken);
        using var none = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.GetAsync(none.Token));
        queue.Done(first);
        var third = await queue.GetAsync(TestContext.Current.CancellationToken);

        Assert.Equal(("a", "b", "a"), (first, second, third));
    }

    [Fact]
    public async Task AddAfter_hands_the_key_out_only_when_the_delay_has_passed()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue(time);

        queue.AddAfter("later", TimeSpan.FromSeconds(5));
        var pending = queue.GetAsync(TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("later", await pending.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
    }
}
