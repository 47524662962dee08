namespace VmLifecycle.Aggregator.Reconciliation;

/// <summary>An informer as the controller runtime sees it: run while leading, wait for the first LIST.</summary>
internal interface IInformer
{
    /// <summary>Lists and watches until cancelled. The readiness gate closes when this is called and opens after the first LIST.</summary>
    Task RunAsync(CancellationToken cancellationToken);

    /// <summary>Completes once the current run's first LIST is in the cache.</summary>
    Task ReadyAsync(CancellationToken cancellationToken);
}
