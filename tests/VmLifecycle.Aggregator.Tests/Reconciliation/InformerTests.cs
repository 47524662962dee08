using System.Net;
using System.Threading.Channels;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using VmLifecycle.Aggregator.Reconciliation;
using VmLifecycle.Aggregator.Tests.TestSupport;
using static VmLifecycle.Aggregator.Tests.Reconciliation.EntityCacheTests;

namespace VmLifecycle.Aggregator.Tests.Reconciliation;

public sealed class InformerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Is_ready_after_the_first_list_and_applies_watch_events_from_its_resource_version()
    {
        var client = new ScriptedListWatch();
        client.Lists.Enqueue(([Node("a", "5")], "5"));
        var informer = NewInformer(client);
        var seen = Channel.CreateUnbounded<InformerEvent<V1Node>>();
        using var subscription = informer.Subscribe(change => seen.Writer.TryWrite(change));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var run = informer.RunAsync(stop.Token);
        await informer.ReadyAsync(Token).WaitAsync(TimeSpan.FromSeconds(5), Token);
        var watch = await client.Watches.Reader.ReadAsync(Token);
        await watch.Events.Writer.WriteAsync((WatchEventType.Added, Node("b", "6")), Token);
        await watch.Events.Writer.WriteAsync((WatchEventType.Deleted, Node("a", "7")), Token);

        Assert.Equal("5", watch.ResourceVersion);
        Assert.Equal((InformerEventType.Added, "a"), Describe(await seen.Reader.ReadAsync(Token)));
        Assert.Equal((InformerEventType.Added, "b"), Describe(await seen.Reader.ReadAsync(Token)));
        Assert.Equal((InformerEventType.Deleted, "a"), Describe(await seen.Reader.ReadAsync(Token)));
        Assert.Equal(["b"], informer.Cache.List().Select(node => node.Metadata.Name).ToList());
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task Lists_again_on_410_expired_and_reports_what_was_deleted_meanwhile()
    {
        var client = new ScriptedListWatch();
        client.Lists.Enqueue(([Node("a", "5"), Node("b", "5")], "5"));
        client.Lists.Enqueue(([Node("b", "5")], "9"));
        var informer = NewInformer(client);
        var seen = Channel.CreateUnbounded<InformerEvent<V1Node>>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var run = informer.RunAsync(stop.Token);
        await informer.ReadyAsync(Token).WaitAsync(TimeSpan.FromSeconds(5), Token);
        using var subscription = informer.Subscribe(change => seen.Writer.TryWrite(change));

        var first = await client.Watches.Reader.ReadAsync(Token);
        first.Fail(new KubernetesException(new V1Status { Code = (int)HttpStatusCode.Gone, Reason = "Expired", Message = "too old resource version" }));
        var second = await client.Watches.Reader.ReadAsync(Token).AsTask().WaitAsync(TimeSpan.FromSeconds(5), Token);

        Assert.Equal((InformerEventType.Deleted, "a"), Describe(await seen.Reader.ReadAsync(Token)));
        Assert.Equal("9", second.ResourceVersion);
        Assert.Empty(client.Lists);
        await stop.CancelAsync();
        await run;
    }

    private static (InformerEventType, string) Describe(InformerEvent<V1Node> change) => (change.Type, change.Entity.Metadata.Name);

    private static Informer<V1Node> NewInformer(ScriptedListWatch client) => new(
        client,
        new InformerOptions { ReconnectMinDelay = TimeSpan.FromMilliseconds(10), ReconnectMaxDelay = TimeSpan.FromMilliseconds(50) },
        TimeProvider.System,
        NullLogger<Informer<V1Node>>.Instance);
}
