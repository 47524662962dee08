using k8s;

namespace VmLifecycle.KubectlPlugin.Configuration;

/// <summary>Everything a request needs: KubernetesClient's connection settings plus what it lacks (impersonation, timeout, namespace).</summary>
internal sealed record ResolvedClientConfiguration(
    KubernetesClientConfiguration Connection,
    string Namespace,
    string? ImpersonateUser,
    IReadOnlyList<string> ImpersonateGroups,
    TimeSpan? RequestTimeout);
