using VmLifecycle.Api;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>
/// A path <c>/apis/subresources.kubevirt.io/v1/namespaces/{namespace}/{resource}/{name}/{subresource}</c>, split into
/// its parts. The subresource may contain slashes (KubeVirt has vnc/screenshot).
/// </summary>
internal sealed record SubresourceRoute(string Namespace, string Resource, string Name, string Subresource)
{
    public const string GroupPath = "/apis/" + KubeVirtGroup.SubresourceName;
    public const string Version = KubeVirtGroup.Version;
    public const string VersionPath = GroupPath + "/" + Version;
    private const string NamespacesPrefix = VersionPath + "/namespaces/";

    /// <summary>"resource/subresource".</summary>
    public string ResourcePath => $"{Resource}/{Subresource}";

    public static bool TryParse(string path, out SubresourceRoute route)
    {
        route = null!;
        if (!path.StartsWith(NamespacesPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = path[NamespacesPrefix.Length..].Split('/', 4);
        if (parts.Length != 4 || parts.Any(part => part.Length == 0))
        {
            return false;
        }

        route = new SubresourceRoute(parts[0], parts[1], parts[2], parts[3].TrimEnd('/'));
        return route.Subresource.Length > 0;
    }
}
