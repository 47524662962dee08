namespace VmLifecycle.Fault.Tests.TestSupport;

/// <summary>The fault tests share one stack and kill its processes: they run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class FaultStackTests : ICollectionFixture<FaultStackFixture>
{
    public const string Name = "fault stack";
}
