namespace VmLifecycle.Api.Kubernetes;

/// <summary>How a server component (aggregator, handler) reaches the API server: configuration section "Kubernetes".</summary>
public sealed class KubernetesConnectionOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Kubernetes";

    /// <summary>A kubeconfig file. When empty: the KUBECONFIG variable, then the in-cluster service account, then ~/.kube/config.</summary>
    public string? KubeconfigPath { get; set; }

    /// <summary>The kubeconfig context to use; empty for its current context.</summary>
    public string? Context { get; set; }

    /// <summary>Use the in-cluster service account, and fail when not running in a pod.</summary>
    public bool InCluster { get; set; }
}
