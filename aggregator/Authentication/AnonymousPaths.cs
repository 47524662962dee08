namespace VmLifecycle.Aggregator.Authentication;

/// <summary>
/// Paths served without authentication: the health probes (kubelet sends no client certificate; k8s.io/apiserver exempts
/// them as well, including KubeVirt's readiness path under the group) and /metrics for in-cluster scrapers.
/// </summary>
internal static class AnonymousPaths
{
    public const string Healthz = "/healthz";
    public const string Livez = "/livez";
    public const string Readyz = "/readyz";
    public const string Metrics = "/metrics";
    public const string GroupHealthz = "/apis/subresources.kubevirt.io/v1/healthz";

    private static readonly string[] Roots = [Healthz, Livez, Readyz, Metrics];

    public static bool Contains(PathString path)
    {
        var value = path.Value ?? "";
        if (value.Equals(GroupHealthz, StringComparison.Ordinal))
        {
            return true;
        }

        return Roots.Any(root => value.Equals(root, StringComparison.Ordinal) || value.StartsWith(root + "/", StringComparison.Ordinal));
    }
}
