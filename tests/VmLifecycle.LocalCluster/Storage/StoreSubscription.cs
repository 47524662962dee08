using System.Threading.Channels;

namespace VmLifecycle.LocalCluster.Storage;

/// <summary>
/// A watch on one resource of the store: the events to replay first (current objects as Added, or the
/// remembered changes after the requested resourceVersion), then the live changes.
/// </summary>
internal sealed class StoreSubscription : IDisposable
{
    private readonly Action<StoreSubscription> _unsubscribe;
    private readonly Channel<StoreEvent> _channel = Channel.CreateUnbounded<StoreEvent>(new UnboundedChannelOptions { SingleReader = true });

    public StoreSubscription(string storageKey, IReadOnlyList<StoreEvent> initial, long startResourceVersion, Action<StoreSubscription> unsubscribe)
    {
        StorageKey = storageKey;
        Initial = initial;
        StartResourceVersion = startResourceVersion;
        _unsubscribe = unsubscribe;
    }

    public string StorageKey { get; }

    public IReadOnlyList<StoreEvent> Initial { get; }

    /// <summary>The store's resourceVersion when the subscription started.</summary>
    public long StartResourceVersion { get; }

    public ChannelReader<StoreEvent> Live => _channel.Reader;

    internal void Publish(StoreEvent storeEvent) => _channel.Writer.TryWrite(storeEvent);

    public void Dispose()
    {
        _unsubscribe(this);
        _channel.Writer.TryComplete();
    }
}
