using k8s;

namespace VmLifecycle.Aggregator.Kubernetes;

/// <summary>
/// Builds the KubernetesClient from <see cref="KubernetesConnectionOptions"/>. Unlike BuildDefaultConfig it never falls
/// back to http://localhost:8080: without a kubeconfig or an in-cluster service account it fails.
/// </summary>
internal static class KubernetesClientFactory
{
    public static IKubernetes Create(KubernetesConnectionOptions options) => new k8s.Kubernetes(Configuration(options));

    public static KubernetesClientConfiguration Configuration(KubernetesConnectionOptions options)
    {
        if (options.InCluster)
        {
            return KubernetesClientConfiguration.IsInCluster()
                ? KubernetesClientConfiguration.InClusterConfig()
                : throw new InvalidOperationException("Kubernetes:InCluster is set but this process does not run in a pod (no service account token).");
        }

        var path = options.KubeconfigPath;
        if (string.IsNullOrEmpty(path))
        {
            path = Environment.GetEnvironmentVariable("KUBECONFIG")?.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        }

        if (!string.IsNullOrEmpty(path))
        {
            return File.Exists(path)
                ? KubernetesClientConfiguration.BuildConfigFromConfigFile(path, currentContext: string.IsNullOrEmpty(options.Context) ? null : options.Context)
                : throw new InvalidOperationException($"The kubeconfig {path} does not exist.");
        }

        if (KubernetesClientConfiguration.IsInCluster())
        {
            return KubernetesClientConfiguration.InClusterConfig();
        }

        var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        return File.Exists(home)
            ? KubernetesClientConfiguration.BuildConfigFromConfigFile(home, currentContext: string.IsNullOrEmpty(options.Context) ? null : options.Context)
            : throw new InvalidOperationException(
                "No Kubernetes configuration: set Kubernetes:KubeconfigPath (or KUBECONFIG), Kubernetes:InCluster, or run in a pod.");
    }
}
