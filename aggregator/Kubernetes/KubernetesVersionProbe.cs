using k8s;
using k8s.Models;

namespace VmLifecycle.Aggregator.Kubernetes;

internal sealed class KubernetesVersionProbe(IKubernetes kubernetes) : IKubernetesVersionProbe
{
    public Task<VersionInfo> GetVersionAsync(CancellationToken cancellationToken) => kubernetes.Version.GetCodeAsync(cancellationToken);
}
