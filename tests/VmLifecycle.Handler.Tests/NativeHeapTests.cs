namespace VmLifecycle.Handler.Tests;

/// <summary>The handler limits glibc's malloc arenas unless the environment already does.</summary>
public sealed class NativeHeapTests
{
    [Theory]
    [InlineData(null, NativeHeap.DefaultArenaLimit)]
    [InlineData("", NativeHeap.DefaultArenaLimit)]
    [InlineData("4", null)]
    public void The_arena_limit_is_two_unless_MALLOC_ARENA_MAX_is_set(string? environmentValue, int? expected) =>
        Assert.Equal(expected, NativeHeap.ArenaLimit(environmentValue));

    [Fact]
    public void Glibc_accepts_the_limit() => Assert.True(NativeHeap.TrySetArenaLimit(NativeHeap.DefaultArenaLimit));

    [Fact]
    public void The_limit_is_set_at_most_once_per_process()
    {
        // The handler host (built by other tests in this process, or here) sets it first; later calls change nothing.
        NativeHeap.LimitArenas();

        Assert.False(NativeHeap.LimitArenas());
    }
}
