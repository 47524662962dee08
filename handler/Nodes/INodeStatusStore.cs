using k8s.Models;

namespace VmLifecycle.Handler.Nodes;

/// <summary>Reads a Node and writes its status conditions through the nodes/status subresource.</summary>
internal interface INodeStatusStore
{
    /// <summary>The Node, or null when it does not exist.</summary>
    Task<V1Node?> GetAsync(string node, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces status.conditions of the Node read at <paramref name="resourceVersion"/>; every other field stays as it is.
    /// Returns false when the Node changed since (a conflict: read it again) or is gone.
    /// </summary>
    Task<bool> TryWriteConditionsAsync(string node, string? resourceVersion, IReadOnlyList<V1NodeCondition> conditions, CancellationToken cancellationToken);
}
