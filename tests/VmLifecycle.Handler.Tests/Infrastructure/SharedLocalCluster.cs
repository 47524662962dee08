namespace VmLifecycle.Handler.Tests.Infrastructure;

/// <summary>The test classes that share one local cluster process (<see cref="LocalClusterFixture"/>).</summary>
[CollectionDefinition(nameof(SharedLocalCluster))]
public sealed class SharedLocalCluster : ICollectionFixture<LocalClusterFixture>;
