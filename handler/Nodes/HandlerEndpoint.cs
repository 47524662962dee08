using System.Globalization;

namespace VmLifecycle.Handler.Nodes;

/// <summary>The https URL where the aggregator reaches this handler, as published on the Node.</summary>
internal sealed record HandlerEndpoint(string Url)
{
    public static HandlerEndpoint For(string? advertised, string node, int port) =>
        new(string.IsNullOrEmpty(advertised) ? string.Create(CultureInfo.InvariantCulture, $"https://{node}:{port}") : advertised);
}
