using System.Globalization;
using k8s.Models;

namespace VmLifecycle.Aggregator.Controllers;

/// <summary>The node chosen for a VMI, or why none fits.</summary>
internal sealed record SchedulingDecision(string? NodeName, string? UnschedulableMessage);

/// <summary>
/// Picks a node for a VMI: it must carry a running handler (label true and a heartbeat fresher than the staleness limit)
/// and every label of spec.nodeSelector; among those the one with the fewest VMIs, then by name. When none fits, the
/// message says why for every node, in kube-scheduler's words ("0/3 nodes are available: ...").
/// </summary>
internal static class NodeSelection
{
    public const string NoHandler = "node(s) had no running VM handler";
    public const string StaleHeartbeat = "node(s) had a stale handler heartbeat";
    public const string SelectorMismatch = "node(s) didn't match the VirtualMachineInstance's node selector";

    public static SchedulingDecision Select(
        IReadOnlyCollection<V1Node> nodes,
        IDictionary<string, string>? nodeSelector,
        IReadOnlyDictionary<string, int> instancesPerNode,
        DateTimeOffset now,
        TimeSpan staleness)
    {
        var refusals = new Dictionary<string, int>();
        var candidates = new List<V1Node>();
        foreach (var node in nodes)
        {
            var refusal = !NodeHeartbeat.HasHandler(node) ? NoHandler
                : !NodeHeartbeat.IsFresh(node, now, staleness) ? StaleHeartbeat
                : !Matches(node, nodeSelector) ? SelectorMismatch
                : null;
            if (refusal is null)
            {
                candidates.Add(node);
            }
            else
            {
                refusals[refusal] = refusals.GetValueOrDefault(refusal) + 1;
            }
        }

        var chosen = candidates
            .OrderBy(node => instancesPerNode.GetValueOrDefault(node.Metadata.Name))
            .ThenBy(node => node.Metadata.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        if (chosen is not null)
        {
            return new SchedulingDecision(chosen.Metadata.Name, null);
        }

        var reasons = refusals.Count == 0
            ? "no nodes"
            : string.Join(", ", refusals.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Value} {r.Key}")));
        return new SchedulingDecision(null, string.Create(CultureInfo.InvariantCulture, $"0/{nodes.Count} nodes are available: {reasons}."));
    }

    public static bool Matches(V1Node node, IDictionary<string, string>? nodeSelector) =>
        nodeSelector is null
        || nodeSelector.All(required => node.Metadata?.Labels is { } labels && labels.TryGetValue(required.Key, out var value) && value == required.Value);
}
