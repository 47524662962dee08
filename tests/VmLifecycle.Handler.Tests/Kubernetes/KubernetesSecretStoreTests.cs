using System.Text;
using VmLifecycle.Handler.Kubernetes;
using VmLifecycle.Handler.Tests.Infrastructure;

namespace VmLifecycle.Handler.Tests.Kubernetes;

/// <summary>Secrets read through KubernetesClient from the local cluster, as the handler's ServiceAccount with the chart's ClusterRole.</summary>
[Collection(nameof(SharedLocalCluster))]
public sealed class KubernetesSecretStoreTests(LocalClusterFixture cluster)
{
    [Fact]
    public async Task A_missing_secret_reads_as_null_and_a_created_one_with_its_decoded_data()
    {
        var name = "userdata-" + Guid.NewGuid().ToString("N")[..6];
        using var client = cluster.HandlerClient();
        var store = new KubernetesSecretStore(client);

        Assert.Null(await store.GetDataAsync(LocalClusterFixture.Namespace, name, TestContext.Current.CancellationToken));

        await cluster.KubectlAsync(null, "create", "secret", "generic", name, "-n", LocalClusterFixture.Namespace, "--from-literal=userdata=#cloud-config\nhostname: a\n");
        var data = await store.GetDataAsync(LocalClusterFixture.Namespace, name, TestContext.Current.CancellationToken);

        Assert.NotNull(data);
        Assert.Equal("#cloud-config\nhostname: a\n", Encoding.UTF8.GetString(data["userdata"]));
    }
}
