using System.Net;
using System.Text.Json;
using k8s.Models;
using VmLifecycle.Aggregator.Reconciliation;

namespace VmLifecycle.Aggregator.Tests.TestSupport;

/// <summary>
/// The local cluster as a child process plus aggregator replicas running the controllers against it, with short lease,
/// heartbeat and retry timings; the user's lifecycle calls go through a replica's subresources as kube-apiserver forwards them.
/// </summary>
internal sealed class ControllerEnvironment : IAsyncDisposable
{
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan NodeFailureTimeout = TimeSpan.FromSeconds(3);

    private readonly List<AggregatorTestHost> _replicas = [];

    private ControllerEnvironment(LocalClusterProcess cluster)
    {
        Cluster = cluster;
        Driver = new ClusterDriver(cluster.CreateClient());
    }

    public LocalClusterProcess Cluster { get; }

    public ClusterDriver Driver { get; }

    public IReadOnlyList<AggregatorTestHost> Replicas => _replicas;

    /// <summary>The first replica: the one lifecycle calls go through.</summary>
    public AggregatorTestHost Aggregator => _replicas[0];

    public static async Task<ControllerEnvironment> StartAsync(int replicas = 1, params string[] extraArguments)
    {
        var environment = new ControllerEnvironment(await LocalClusterProcess.StartAsync());
        for (var i = 0; i < replicas; i++)
        {
            await environment.AddReplicaAsync($"replica-{i}", extraArguments);
        }

        return environment;
    }

    public async Task<AggregatorTestHost> AddReplicaAsync(string identity, params string[] extraArguments)
    {
        var replica = await AggregatorTestHost.StartWithClusterAsync(
            Cluster.KubeconfigPath,
            [
                "--Controllers:HeartbeatStaleness=00:00:10",
                $"--Controllers:NodeFailureTimeout={NodeFailureTimeout}",
                "--Controllers:UnschedulableRetryInterval=00:00:05",
                "--Controllers:StartFailureBackoffBase=00:00:00.200",
                "--Controllers:StartFailureBackoffMax=00:00:01",
                "--Controllers:LeaderElection:LeaseNamespace=default",
                $"--Controllers:LeaderElection:Identity={identity}",
                $"--Controllers:LeaderElection:LeaseDuration={LeaseDuration}",
                "--Controllers:LeaderElection:RenewDeadline=00:00:01.500",
                "--Controllers:LeaderElection:RetryPeriod=00:00:00.200",
                "--Controllers:Informers:ReconnectMaxDelay=00:00:01",
                "--Controllers:Reconcilers:RetryMaxDelay=00:00:02",
                .. extraArguments,
            ]);
        _replicas.Add(replica);
        return replica;
    }

    /// <summary>
    /// Waits until the controllers' Node informer holds these nodes. A VMI created before that is, rightly, refused
    /// first and scheduled on the node's watch event; tests of the exact scheduling outcome wait here.
    /// </summary>
    public Task WaitForNodesAsync(params string[] names)
    {
        var nodes = (Informer<V1Node>)Aggregator.Services.GetService(typeof(Informer<V1Node>))!;
        return Eventually.UntilAsync(() => names.All(name => nodes.Cache.Get(null, name) is not null), $"the controllers to see nodes {string.Join(", ", names)}");
    }

    public static LeaderElectedControllerHost Election(AggregatorTestHost replica) =>
        (LeaderElectedControllerHost)replica.Services.GetService(typeof(LeaderElectedControllerHost))!;

    public async Task RemoveReplicaAsync(AggregatorTestHost replica)
    {
        _replicas.Remove(replica);
        await replica.DisposeAsync();
    }

    /// <summary>PUT .../virtualmachines/NAME/SUBRESOURCE as user jane (edit), expecting 202.</summary>
    public async Task RequestAsync(string vm, string subresource, object? body = null)
    {
        using var client = Aggregator.Proxy("jane", "editors");
        using var content = new StringContent(body is null ? "" : JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PutAsync(
            $"/apis/subresources.kubevirt.io/v1/namespaces/{ClusterDriver.Namespace}/virtualmachines/{vm}/{subresource}", content, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{subresource} of {vm}: {(int)response.StatusCode} {text}");
    }

    /// <summary>The status code of a lifecycle call, for the refusals.</summary>
    public async Task<HttpStatusCode> TryRequestAsync(string vm, string subresource)
    {
        using var client = Aggregator.Proxy("jane", "editors");
        using var content = new StringContent("", System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PutAsync(
            $"/apis/subresources.kubevirt.io/v1/namespaces/{ClusterDriver.Namespace}/virtualmachines/{vm}/{subresource}", content, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }

        Driver.Dispose();
        await Cluster.DisposeAsync();
    }
}
