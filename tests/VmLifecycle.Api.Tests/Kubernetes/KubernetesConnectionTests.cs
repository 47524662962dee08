using VmLifecycle.Api.Kubernetes;

namespace VmLifecycle.Api.Tests.Kubernetes;

public sealed class KubernetesConnectionTests
{
    [Fact]
    public void Kubeconfig_path_is_used_as_given()
    {
        var directory = Directory.CreateTempSubdirectory("kubeconfig-");
        var kubeconfig = Path.Combine(directory.FullName, "kubeconfig");
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

        var configuration = KubernetesConnection.Configuration(new KubernetesConnectionOptions { KubeconfigPath = kubeconfig });

        directory.Delete(recursive: true);
        Assert.Equal("https://127.0.0.1:6443/", configuration.Host.TrimEnd('/') + "/");
    }

    [Fact]
    public void Missing_kubeconfig_fails_instead_of_falling_back_to_localhost()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            KubernetesConnection.Configuration(new KubernetesConnectionOptions { KubeconfigPath = "/nonexistent/kubeconfig" }));

        Assert.Contains("/nonexistent/kubeconfig", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_cluster_outside_a_pod_fails()
    {
        Assert.SkipWhen(k8s.KubernetesClientConfiguration.IsInCluster(), "running in a pod");

        Assert.Throws<InvalidOperationException>(() => KubernetesConnection.Configuration(new KubernetesConnectionOptions { InCluster = true }));
    }
}
