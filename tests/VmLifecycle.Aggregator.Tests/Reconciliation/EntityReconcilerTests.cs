using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using VmLifecycle.Aggregator.Reconciliation;
using VmLifecycle.Aggregator.Tests.TestSupport;
using static VmLifecycle.Aggregator.Tests.Reconciliation.EntityCacheTests;

namespace VmLifecycle.Aggregator.Tests.Reconciliation;

public sealed class EntityReconcilerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reconciles_every_listed_object_in_its_own_scope_retries_failures_and_reports_deletions_with_the_last_state()
    {
        var client = new ScriptedListWatch();
        client.Lists.Enqueue(([Node("a", "1"), Node("flaky", "1")], "1"));
        var journal = new Journal();
        journal.FailuresLeft["flaky"] = 2;
        using var services = new ServiceCollection()
            .AddSingleton(journal)
            .AddScoped<IEntityController<V1Node>, JournalingController>()
            .BuildServiceProvider();
        var informer = new Informer<V1Node>(client, new InformerOptions(), TimeProvider.System, NullLogger<Informer<V1Node>>.Instance);
        var reconciler = new EntityReconciler<V1Node>(
            informer, services.GetRequiredService<IServiceScopeFactory>(),
            new ReconcilerOptions { Workers = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(10) }, TimeProvider.System, NullLogger<EntityReconciler<V1Node>>.Instance);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var running = Task.WhenAll(informer.RunAsync(stop.Token), reconciler.RunAsync(stop.Token));
        await Eventually.UntilAsync(() => journal.Calls.Count(c => c == "reconcile flaky") == 3, "flaky to succeed on its third attempt");
        var watch = await client.Watches.Reader.ReadAsync(Token);
        await watch.Events.Writer.WriteAsync((WatchEventType.Deleted, Node("a", "2")), Token);
        await Eventually.UntilAsync(() => journal.Calls.Contains("deleted a@2"), "the deletion of a");

        Assert.Single(journal.Calls, c => c == "reconcile a");
        Assert.Equal(journal.Calls.Count, journal.Scopes.Distinct().Count());
        await stop.CancelAsync();
        await running;
    }

    private sealed class Journal
    {
        public ConcurrentQueue<string> Calls { get; } = new();

        public ConcurrentQueue<object> Scopes { get; } = new();

        public ConcurrentDictionary<string, int> FailuresLeft { get; } = new();
    }

    private sealed class JournalingController(Journal journal) : IEntityController<V1Node>
    {
        public Task<ReconciliationResult> ReconcileAsync(V1Node entity, CancellationToken cancellationToken)
        {
            journal.Calls.Enqueue($"reconcile {entity.Metadata.Name}");
            journal.Scopes.Enqueue(this);
            if (journal.FailuresLeft.TryGetValue(entity.Metadata.Name, out var left) && left > 0)
            {
                journal.FailuresLeft[entity.Metadata.Name] = left - 1;
                return Task.FromResult(ReconciliationResult.Failure("not yet"));
            }

            return Task.FromResult(ReconciliationResult.Success());
        }

        public Task<ReconciliationResult> DeletedAsync(V1Node entity, CancellationToken cancellationToken)
        {
            journal.Calls.Enqueue($"deleted {entity.Metadata.Name}@{entity.Metadata.ResourceVersion}");
            journal.Scopes.Enqueue(this);
            return Task.FromResult(ReconciliationResult.Success());
        }
    }
}
