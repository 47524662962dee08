namespace VmLifecycle.EndToEnd.Tests.TestSupport;

/// <summary>The tests that share one local stack; they run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class LocalStackTests : ICollectionFixture<LocalStackFixture>
{
    public const string Name = "local stack";
}
