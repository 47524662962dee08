namespace VmLifecycle.Aggregator.Reconciliation;

/// <summary>A controller's work loop as the runtime sees it: runs while this replica leads.</summary>
internal interface IReconcileLoop
{
    /// <summary>Waits for the informers, queues every cached object once, then reconciles until cancelled.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
