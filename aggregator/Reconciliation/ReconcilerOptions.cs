namespace VmLifecycle.Aggregator.Reconciliation;

/// <summary>How the work loops run: configuration section "Controllers:Reconcilers".</summary>
internal sealed class ReconcilerOptions
{
    /// <summary>Concurrent reconciles per controller (never two for the same object).</summary>
    public int Workers { get; set; } = 2;

    /// <summary>The first retry delay after a failed reconcile; doubles per consecutive failure of the same object.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest retry delay.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);
}
