using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Storage;

/// <summary>One committed change: the object after it (before it, for deletions) and, for modifications, the previous state.</summary>
internal sealed record StoreEvent(long ResourceVersion, WatchEventType Type, ObjectKey Key, JsonObject Object, JsonObject? Previous);
