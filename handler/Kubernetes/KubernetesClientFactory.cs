using k8s;

namespace VmLifecycle.Handler.Kubernetes;

/// <summary>
/// Builds the KubernetesClient configuration. Unlike BuildDefaultConfig it never falls back to http://localhost:8080:
/// without a kubeconfig or a service account the handler fails at start-up with a message that says what to set.
/// </summary>
internal static class KubernetesClientFactory
{
    public static KubernetesClientConfiguration Configuration(KubernetesConnectionOptions options)
    {
        var context = string.IsNullOrEmpty(options.Context) ? null : options.Context;
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
                ? KubernetesClientConfiguration.BuildConfigFromConfigFile(path, currentContext: context)
                : throw new InvalidOperationException($"The kubeconfig {path} does not exist.");
        }

        if (KubernetesClientConfiguration.IsInCluster())
        {
            return KubernetesClientConfiguration.InClusterConfig();
        }

        var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        return File.Exists(home)
            ? KubernetesClientConfiguration.BuildConfigFromConfigFile(home, currentContext: context)
            : throw new InvalidOperationException("No Kubernetes configuration: set Kubernetes:KubeconfigPath (--kubeconfig, or KUBECONFIG), Kubernetes:InCluster, or run in a pod.");
    }
}
