
namespace VmLifecycle.LocalCluster.Tests.Infrastructure;

/// <summary>One local cluster shared by the tests of a collection (each test uses its own namespace).</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private RunningCluster? _cluster;

    internal RunningCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    internal Kubectl Kubectl => Cluster.Kubectl;

    internal Kubernetes CreateClient() => Cluster.CreateClient();

    public async ValueTask InitializeAsync() => _cluster = await RunningCluster.StartAsync(cancellationToken: TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>Creates a fresh namespace for one test.</summary>
    internal async Task<string> CreateNamespaceAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        await Kubectl.SucceedAsync("create", "namespace", name);
        return name;
    }
}
