namespace VmLifecycle.LocalCluster.Tests.Infrastructure;

/// <summary>The tests that share one running local cluster.</summary>
[CollectionDefinition(Name)]
public sealed class SharedCluster : ICollectionFixture<ClusterFixture>
{
    public const string Name = "local cluster";
}
