namespace VmLifecycle.LocalCluster.Storage;

/// <summary>Where an object lives in the store: its resource's storage key, namespace ("" when cluster-scoped) and name.</summary>
internal readonly record struct ObjectKey(string StorageKey, string Namespace, string Name);
