using VmLifecycle.Api;

namespace VmLifecycle.KubectlPlugin.Http;

/// <summary>The REST paths the plugin calls.</summary>
internal static class ApiPaths
{
    public const string KubernetesVersion = "/version";
    public const string SubresourceVersion = "/apis/" + KubeVirtGroup.SubresourceApiVersion + "/version";

    /// <summary><c>/apis/kubevirt.io/v1/namespaces/NS/PLURAL[/NAME]</c>.</summary>
    public static string Resource(string ns, string plural, string? name = null) =>
        $"/apis/{KubeVirtGroup.ApiVersion}/namespaces/{Escape(ns)}/{plural}" + (name is null ? "" : "/" + Escape(name));

    /// <summary><c>/apis/subresources.kubevirt.io/v1/namespaces/NS/PLURAL/NAME/SUBRESOURCE</c>.</summary>
    public static string Subresource(string ns, string plural, string name, string subresource) =>
        $"/apis/{KubeVirtGroup.SubresourceApiVersion}/namespaces/{Escape(ns)}/{plural}/{Escape(name)}/{subresource}";

    /// <summary>A list or watch of the one object called <paramref name="name"/>.</summary>
    public static string NameSelected(string ns, string plural, string name, string? watchFromResourceVersion)
    {
        var path = Resource(ns, plural) + "?fieldSelector=" + Uri.EscapeDataString("metadata.name=" + name);
        return watchFromResourceVersion is null
            ? path
            : path + "&watch=true&allowWatchBookmarks=true&resourceVersion=" + Uri.EscapeDataString(watchFromResourceVersion);
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
