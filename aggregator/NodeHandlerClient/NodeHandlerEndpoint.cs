using k8s.Models;
using VmLifecycle.Api.Conventions;

namespace VmLifecycle.Aggregator.NodeHandlerClient;

/// <summary>
/// The endpoint a handler publishes on its Node (annotation <see cref="Annotations.HandlerEndpoint"/>): an https URL, or
/// host:port, to which https:// is prefixed.
/// </summary>
internal static class NodeHandlerEndpoint
{
    public static Uri? Of(V1Node node)
    {
        if (node.Metadata?.Annotations is not { } annotations
            || !annotations.TryGetValue(Annotations.HandlerEndpoint, out var value)
            || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (!value.Contains("://", StringComparison.Ordinal))
        {
            value = "https://" + value;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri : null;
    }

    /// <summary>The URL of a lifecycle action of a VMI on the handler at <paramref name="endpoint"/>.</summary>
    public static Uri ActionUri(Uri endpoint, string @namespace, string name, string action) =>
        new(endpoint, $"{endpoint.AbsolutePath.TrimEnd('/')}/v1/namespaces/{Uri.EscapeDataString(@namespace)}/virtualmachineinstances/{Uri.EscapeDataString(name)}/{action}");
}
