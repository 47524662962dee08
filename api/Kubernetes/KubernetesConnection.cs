using k8s;

namespace VmLifecycle.Api.Kubernetes;

/// <summary>
/// The client configuration of the server components. Unlike KubernetesClient's BuildDefaultConfig it never falls back
/// to http://localhost:8080: without a kubeconfig or an in-cluster service account it fails, saying what to set.
/// A kubeconfig is read by <see cref="KubeconfigFile"/>. (The kubectl plugin follows kubectl's own rules instead and does
/// not compile this folder.)
/// </summary>
public static class KubernetesConnection
{
    /// <summary>Resolves the configuration: the given kubeconfig, KUBECONFIG, the in-cluster account, ~/.kube/config.</summary>
    /// <param name="options">Where to look.</param>
    /// <returns>The client configuration.</returns>
    /// <exception cref="InvalidOperationException">No configuration was found, or the one asked for does not exist.</exception>
    public static KubernetesClientConfiguration Configuration(KubernetesConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
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
                ? KubeconfigFile.Load(path, context)
                : throw new InvalidOperationException($"The kubeconfig {path} does not exist.");
        }

        if (KubernetesClientConfiguration.IsInCluster())
        {
            return KubernetesClientConfiguration.InClusterConfig();
        }

        var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        return File.Exists(home)
            ? KubeconfigFile.Load(home, context)
            : throw new InvalidOperationException(
                "No Kubernetes configuration: set Kubernetes:KubeconfigPath (--kubeconfig, or KUBECONFIG), Kubernetes:InCluster, or run in a pod.");
    }

    /// <summary>A client for <see cref="Configuration"/>.</summary>
    /// <param name="options">Where to look.</param>
    /// <returns>The client.</returns>
    public static IKubernetes CreateClient(KubernetesConnectionOptions options) => new k8s.Kubernetes(Configuration(options));
}
