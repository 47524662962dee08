using System.Globalization;
using k8s.Models;
using VmLifecycle.Api.Conventions;

namespace VmLifecycle.Aggregator.Controllers;

/// <summary>Reads the handler's heartbeat from a Node (annotation vm-lifecycle.kubevirt.io/handler-heartbeat, RFC 3339).</summary>
internal static class NodeHeartbeat
{
    public static DateTimeOffset? LastBeat(V1Node node) =>
        node.Metadata?.Annotations is { } annotations
        && annotations.TryGetValue(Annotations.HandlerHeartbeat, out var value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var beat)
            ? beat
            : null;

    /// <summary>How long ago the handler last beat; null when it never did.</summary>
    public static TimeSpan? Age(V1Node node, DateTimeOffset now) => LastBeat(node) is { } beat ? now - beat : null;

    public static bool IsFresh(V1Node node, DateTimeOffset now, TimeSpan staleness) => Age(node, now) is { } age && age <= staleness;

    /// <summary>The node carries the handler label with value true (the handler turns it false on a clean shutdown).</summary>
    public static bool HasHandler(V1Node node) =>
        node.Metadata?.Labels is { } labels && labels.TryGetValue(Labels.HandlerNode, out var value) && value == Labels.HandlerNodeTrue;
}
