using System.Net;
using VmLifecycle.LocalCluster.Tests.Infrastructure;

namespace VmLifecycle.LocalCluster.Tests.Security;

/// <summary>The bootstrap policy is written once: a restart with a state file keeps what users changed.</summary>
public sealed class BootstrapPolicyRestartTests
{
    [Fact]
    public async Task A_changed_default_role_survives_a_restart_with_a_state_file()
    {
        var directory = Directory.CreateTempSubdirectory("local-cluster-restart-").FullName;
        string[] arguments = ["--state-file", Path.Combine(directory, "state.json")];
        await using (var first = await RunningCluster.StartAsync(directory, arguments, cancellationToken: TestContext.Current.CancellationToken))
        {
            await first.Kubectl.SucceedAsync("annotate", "clusterrole", "system:public-info-viewer", "changed-by=test");
            await first.Kubectl.SucceedAsync(
                "patch", "clusterrole", "system:public-info-viewer", "--type=merge", "-p", """{"rules":[{"nonResourceURLs":["/healthz"],"verbs":["get"]}]}""");
        }

        await using var second = await RunningCluster.StartAsync(directory, arguments, cancellationToken: TestContext.Current.CancellationToken);
        using var anonymous = second.CreateHttpClient(clientCertificate: null);

        var annotation = await second.Kubectl.SucceedAsync("get", "clusterrole", "system:public-info-viewer", "-o", "jsonpath={.metadata.annotations.changed-by}");
        using var healthz = await anonymous.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        using var version = await anonymous.GetAsync(new Uri("/version", UriKind.Relative), TestContext.Current.CancellationToken);
        var view = await second.Kubectl.SucceedAsync("get", "clusterrole", "view", "-o", "jsonpath={.rules[*].resources}");

        Assert.Equal("test", annotation);
        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, version.StatusCode);
        Assert.Contains("configmaps", view, StringComparison.Ordinal);
    }
}
