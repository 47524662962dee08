using Microsoft.Extensions.Internal;

namespace VmLifecycle.Aggregator.Caching;

/// <summary>Lets MemoryCache expire entries on an injected <see cref="TimeProvider"/> (FakeTimeProvider in tests).</summary>
internal sealed class TimeProviderClock(TimeProvider time) : ISystemClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
}
