using System.Runtime.CompilerServices;
using System.Threading.Channels;
using k8s;
using k8s.Models;
using VmLifecycle.Aggregator.Reconciliation;

namespace VmLifecycle.Aggregator.Tests.TestSupport;

/// <summary>A WATCH the test feeds: events in, an ERROR (then the end of the stream) on demand.</summary>
internal sealed class ScriptedWatch(string resourceVersion, Action<Exception> onError)
{
    public string ResourceVersion { get; } = resourceVersion;

    public Channel<(WatchEventType, V1Node)> Events { get; } = Channel.CreateUnbounded<(WatchEventType, V1Node)>();

    /// <summary>The server sends an ERROR event and ends the stream.</summary>
    public void Fail(Exception error)
    {
        onError(error);
        Events.Writer.Complete();
    }
}

/// <summary>An API server for one informer, scripted by the test: queued LIST answers, WATCHes handed to the test.</summary>
internal sealed class ScriptedListWatch : IListWatchClient<V1Node>
{
    public Queue<(IReadOnlyList<V1Node>, string)> Lists { get; } = new();

    public Channel<ScriptedWatch> Watches { get; } = Channel.CreateUnbounded<ScriptedWatch>();

    public Task<(IReadOnlyList<V1Node> Items, string ResourceVersion)> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Lists.Dequeue());

    public async IAsyncEnumerable<(WatchEventType Type, V1Node Entity)> WatchAsync(
        string resourceVersion, Action<Exception> onError, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var watch = new ScriptedWatch(resourceVersion, onError);
        await Watches.Writer.WriteAsync(watch, cancellationToken);
        await foreach (var item in watch.Events.Reader.ReadAllAsync(cancellationToken))
        {
            yield return item;
        }
    }
}
