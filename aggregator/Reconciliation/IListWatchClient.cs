using k8s;
using k8s.Models;

namespace VmLifecycle.Aggregator.Reconciliation;

/// <summary>The two calls an informer makes for one resource: LIST (with its resourceVersion) and WATCH from a resourceVersion.</summary>
internal interface IListWatchClient<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    Task<(IReadOnlyList<TEntity> Items, string ResourceVersion)> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Streams changes after <paramref name="resourceVersion"/>. An ERROR event (for example 410 Expired) is reported through
    /// <paramref name="onError"/>, after which the server ends the stream.
    /// </summary>
    IAsyncEnumerable<(WatchEventType Type, TEntity Entity)> WatchAsync(string resourceVersion, Action<Exception> onError, CancellationToken cancellationToken);
}
