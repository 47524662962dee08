namespace VmLifecycle.LocalCluster.Storage;

/// <summary>The kinds of change a watch reports.</summary>
internal enum WatchEventType
{
    Added,
    Modified,
    Deleted,
}
