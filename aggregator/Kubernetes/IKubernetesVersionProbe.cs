using k8s.Models;

namespace VmLifecycle.Aggregator.Kubernetes;

/// <summary>Asks the API server for its /version, to report connectivity in /healthz.</summary>
internal interface IKubernetesVersionProbe
{
    Task<VersionInfo> GetVersionAsync(CancellationToken cancellationToken);
}
