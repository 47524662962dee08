using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Aggregator.Tests.TestSupport;

namespace VmLifecycle.Aggregator.Tests.Kubernetes;

public sealed class KubernetesClientFactoryTests
{
    [Fact]
    public void Kubeconfig_path_is_used_as_given()
    {
        using var files = new PemFiles();
        var kubeconfig = Path.Combine(files.Directory, "kubeconfig");
        File.WriteAllText(kubeconfig, """
            apiVersion: v1
            kind: Config
            clusters:
            - name: local
              cluster: {server: "https://127.0.0.1:6443", insecure-skip-tls-verify: true}
            users:
            - name: admin
              user: {token: secret}
            contexts:
            - name: local
              context: {cluster: local, user: admin}
            current-context: local
            """);

        var configuration = KubernetesClientFactory.Configuration(new KubernetesConnectionOptions { KubeconfigPath = kubeconfig });

        Assert.Equal("https://127.0.0.1:6443/", configuration.Host.TrimEnd('/') + "/");
    }

    [Fact]
    public void Missing_kubeconfig_fails_instead_of_falling_back_to_localhost()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            KubernetesClientFactory.Configuration(new KubernetesConnectionOptions { KubeconfigPath = "/nonexistent/kubeconfig" }));

        Assert.Contains("/nonexistent/kubeconfig", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_cluster_outside_a_pod_fails()
    {
        Assert.SkipWhen(k8s.KubernetesClientConfiguration.IsInCluster(), "running in a pod");

        Assert.Throws<InvalidOperationException>(() => KubernetesClientFactory.Configuration(new KubernetesConnectionOptions { InCluster = true }));
    }
}
