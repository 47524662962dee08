namespace VmLifecycle.LocalCluster.Storage;

/// <summary>How the store keeps objects and history.</summary>
internal sealed class StoreOptions
{
    /// <summary>How many changes are remembered for watches that resume from a resourceVersion; older ones get 410 Expired.</summary>
    public int WatchHistorySize { get; set; } = 10_000;

    /// <summary>A file to keep the state in (written atomically on every change); in memory only when empty.</summary>
    public string? StateFile { get; set; }
}
