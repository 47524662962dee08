using k8s.Models;

namespace VmLifecycle.Handler.Nodes;

/// <summary>
/// The Node's <c>Ready</c> condition as a kubelet keeps it: lastHeartbeatTime renewed on every report,
/// lastTransitionTime changed only when the status changes, other conditions left as they are. A Node with a kubelet
/// (status.nodeInfo.kubeletVersion set, or a Ready condition with a reason that is not the handler's) is the kubelet's:
/// the handler never writes its Ready condition, since two writers would flip it and a False from the handler would make
/// the node lifecycle controller taint the node and evict its pods.
/// </summary>
internal static class NodeReadyCondition
{
    public const string Type = "Ready";

    /// <summary>Whether the handler may write the Node's Ready condition.</summary>
    public static bool IsOwnedByHandler(V1Node node)
    {
        if (!string.IsNullOrEmpty(node.Status?.NodeInfo?.KubeletVersion))
        {
            return false;
        }

        return Find(node) is not { } ready || ready.Reason is null || NodeReadiness.OwnReasons.Contains(ready.Reason);
    }

    public static V1NodeCondition? Find(V1Node node) => node.Status?.Conditions?.FirstOrDefault(c => c.Type == Type);

    /// <summary>The Ready condition that reports <paramref name="readiness"/> at <paramref name="now"/> (whole seconds, as metav1.Time stores them).</summary>
    public static V1NodeCondition Next(V1NodeCondition? current, NodeReadiness readiness, DateTimeOffset now)
    {
        var time = TruncateToSeconds(now);
        var status = readiness.Ready ? "True" : "False";
        return new V1NodeCondition
        {
            Type = Type,
            Status = status,
            Reason = readiness.Reason,
            Message = readiness.Message,
            LastHeartbeatTime = time,
            LastTransitionTime = current is not null && current.Status == status && current.LastTransitionTime is { } since ? since : time,
        };
    }

    /// <summary>The Node's conditions with Ready replaced by <paramref name="ready"/> (appended when missing), in their order.</summary>
    public static List<V1NodeCondition> WithReady(IEnumerable<V1NodeCondition>? conditions, V1NodeCondition ready)
    {
        var result = (conditions ?? []).Select(c => c.Type == Type ? ready : c).ToList();
        if (!result.Any(c => c.Type == Type))
        {
            result.Add(ready);
        }

        return result;
    }

    private static DateTime TruncateToSeconds(DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }
}
