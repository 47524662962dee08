namespace VmLifecycle.Aggregator.Reconciliation;

/// <summary>How informers reconnect: configuration section "Controllers:Informers".</summary>
internal sealed class InformerOptions
{
    /// <summary>The first wait after a failed LIST or WATCH; it doubles with every further failure.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The server ends each WATCH after this long (client-go picks 5 to 10 minutes); the informer then watches again.</summary>
    public int WatchTimeoutSeconds { get; set; } = 300;
}
