using k8s.Models;
using VmLifecycle.Aggregator.Kubernetes;

namespace VmLifecycle.Aggregator.Tests.TestSupport;

internal sealed class FakeVersionProbe : IKubernetesVersionProbe
{
    public Exception? Failure { get; set; }

    public Task<VersionInfo> GetVersionAsync(CancellationToken cancellationToken) =>
        Failure is null
            ? Task.FromResult(new VersionInfo { GitVersion = "v1.34.0", Major = "1", Minor = "34", Platform = "linux/amd64" })
            : Task.FromException<VersionInfo>(Failure);
}
