using k8s;
using k8s.Models;
using VmLifecycle.Handler.Nodes;

namespace VmLifecycle.Handler.Tests.Infrastructure;

/// <summary>
/// One Node in memory with the nodes/status semantics the handler relies on: a write carries the resourceVersion it was
/// computed from and fails when the Node changed since; objects are copied in and out, as over the wire.
/// </summary>
internal sealed class InMemoryNodeStatusStore : INodeStatusStore
{
    private readonly Lock _gate = new();
    private V1Node? _node;
    private long _version;

    public int Writes { get; private set; }

    /// <summary>Stores the Node as it is (a kubelet-registered Node, or one the handler created).</summary>
    public void Put(V1Node node)
    {
        lock (_gate)
        {
            var copy = Copy(node);
            copy.Metadata.ResourceVersion = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _node = copy;
        }
    }

    public V1Node? Node
    {
        get
        {
            lock (_gate)
            {
                return _node is null ? null : Copy(_node);
            }
        }
    }

    public V1NodeCondition? Ready => Node is { } node ? NodeReadyCondition.Find(node) : null;

    public Task<V1Node?> GetAsync(string node, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_node?.Metadata.Name == node ? Copy(_node) : null);
        }
    }

    public Task<bool> TryWriteConditionsAsync(string node, string? resourceVersion, IReadOnlyList<V1NodeCondition> conditions, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_node?.Metadata.Name != node || (resourceVersion is not null && resourceVersion != _node.Metadata.ResourceVersion))
            {
                return Task.FromResult(false);
            }

            Writes++;
            _node.Status ??= new V1NodeStatus();
            _node.Status.Conditions = [.. conditions.Select(c => KubernetesJson.Deserialize<V1NodeCondition>(KubernetesJson.Serialize(c)))];
            _node.Metadata.ResourceVersion = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.FromResult(true);
        }
    }

    private static V1Node Copy(V1Node node) => KubernetesJson.Deserialize<V1Node>(KubernetesJson.Serialize(node));
}
