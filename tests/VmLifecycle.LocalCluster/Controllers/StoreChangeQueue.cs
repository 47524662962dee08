using System.Threading.Channels;
using VmLifecycle.LocalCluster.Storage;

namespace VmLifecycle.LocalCluster.Controllers;

/// <summary>
/// A coalescing signal fed by the store changes a controller cares about: it wakes once for any number of them
/// (and once at start, to catch up with the loaded state).
/// </summary>
internal sealed class StoreChangeQueue : IDisposable
{
    private readonly ObjectStore _store;
    private readonly Func<StoreEvent, bool> _relevant;
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public StoreChangeQueue(ObjectStore store, Func<StoreEvent, bool> relevant)
    {
        _store = store;
        _relevant = relevant;
        _store.Changed += OnChanged;
        _signal.Writer.TryWrite(true);
    }

    public ValueTask<bool> WaitAsync(CancellationToken cancellationToken) => _signal.Reader.WaitToReadAsync(cancellationToken);

    public void Consume() => _signal.Reader.TryRead(out _);

    public void Dispose() => _store.Changed -= OnChanged;

    private void OnChanged(StoreEvent change)
    {
        if (_relevant(change))
        {
            _signal.Writer.TryWrite(true);
        }
    }
}
