using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;

namespace VmLifecycle.Aggregator.Reconciliation;

/// <summary>LIST and WATCH of core/v1 Nodes through the typed client.</summary>
internal sealed class NodeListWatch(IKubernetes kubernetes, InformerOptions options) : IListWatchClient<V1Node>
{
    public async Task<(IReadOnlyList<V1Node> Items, string ResourceVersion)> ListAsync(CancellationToken cancellationToken)
    {
        var list = await kubernetes.CoreV1.ListNodeAsync(cancellationToken: cancellationToken);
        return ([.. list.Items ?? []], list.Metadata?.ResourceVersion ?? "");
    }

    public async IAsyncEnumerable<(WatchEventType Type, V1Node Entity)> WatchAsync(
        string resourceVersion, Action<Exception> onError, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = kubernetes.CoreV1.WatchListNodeAsync(
            allowWatchBookmarks: true,
            resourceVersion: resourceVersion,
            timeoutSeconds: options.WatchTimeoutSeconds,
            onError: onError,
            cancellationToken: cancellationToken);
        await foreach (var (type, node) in stream.WithCancellation(cancellationToken))
        {
            yield return (type, node);
        }
    }
}
