using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace VmLifecycle.LocalCluster.Storage;

/// <summary>
/// The objects of the cluster, in memory, with one global resourceVersion counter (as etcd's revision)
/// and a bounded history of changes for watches. All writes are serialised; readers get copies. With a state file,
/// every change is appended to its log before it is acknowledged. A stored object is never modified once committed
/// (a change stores a new object), so the events (the history, <see cref="Changed"/>, a watch's initial events) share it
/// with the store; their receivers only read it.
/// </summary>
internal sealed class ObjectStore : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ObjectKey, JsonObject> _objects = [];
    private readonly LinkedList<StoreEvent> _history = new();
    private readonly List<StoreSubscription> _subscriptions = [];
    private readonly int _historySize;
    private readonly StateFile? _stateFile;
    private long _resourceVersion;
    private long _compactedThrough;

    public ObjectStore(IOptions<StoreOptions> options)
    {
        _historySize = Math.Max(1, options.Value.WatchHistorySize);
        if (!string.IsNullOrEmpty(options.Value.StateFile))
        {
            _stateFile = new StateFile(options.Value.StateFile);
            var state = _stateFile.Load();
            if (state is not null)
            {
                _resourceVersion = state.ResourceVersion;
                _compactedThrough = state.ResourceVersion;
                foreach (var (key, value) in state.Objects)
                {
                    _objects[key] = value;
                }
            }
        }
    }

    /// <summary>Closes the state file's log.</summary>
    public void Dispose() => _stateFile?.Dispose();

    /// <summary>Raised after every committed change, outside the store's lock, on the writing thread; handlers must be quick.</summary>
    public event Action<StoreEvent>? Changed;

    public long ResourceVersion
    {
        get
        {
            lock (_lock)
            {
                return _resourceVersion;
            }
        }
    }

    public JsonObject? Get(ObjectKey key)
    {
        lock (_lock)
        {
            return _objects.TryGetValue(key, out var value) ? (JsonObject)value.DeepClone() : null;
        }
    }

    /// <summary>
    /// Reads one object under the store's lock without copying it first: <paramref name="read"/> gets the stored
    /// object, must not modify it nor return or keep any part of it. Null when the object does not exist.
    /// </summary>
    public T? Read<T>(ObjectKey key, Func<JsonObject, T> read)
        where T : class
    {
        lock (_lock)
        {
            return _objects.TryGetValue(key, out var value) ? read(value) : null;
        }
    }

    /// <summary>Whether the object exists (without copying it).</summary>
    public bool Contains(ObjectKey key)
    {
        lock (_lock)
        {
            return _objects.ContainsKey(key);
        }
    }

    /// <summary>The objects of a resource (in one namespace, or all when null), ordered by namespace and name, with the store's resourceVersion.</summary>
    public (IReadOnlyList<JsonObject> Objects, long ResourceVersion) List(string storageKey, string? @namespace)
    {
        lock (_lock)
        {
            var items = _objects
                .Where(pair => pair.Key.StorageKey == storageKey && (@namespace is null || pair.Key.Namespace == @namespace))
                .OrderBy(pair => pair.Key.Namespace, StringComparer.Ordinal)
                .ThenBy(pair => pair.Key.Name, StringComparer.Ordinal)
                .Select(pair => (JsonObject)pair.Value.DeepClone())
                .ToList();
            return (items, _resourceVersion);
        }
    }

    /// <summary>Every stored object with its key (for garbage collection and namespace cleanup).</summary>
    public IReadOnlyList<(ObjectKey Key, JsonObject Object)> Snapshot()
    {
        lock (_lock)
        {
            return [.. _objects.Select(pair => (pair.Key, (JsonObject)pair.Value.DeepClone()))];
        }
    }

    /// <summary>Adds an object, stamping its resourceVersion; false when the key is taken.</summary>
    public bool TryCreate(ObjectKey key, JsonObject value, bool dryRun, out JsonObject stored)
    {
        StoreEvent? committed = null;
        lock (_lock)
        {
            if (_objects.TryGetValue(key, out var existing))
            {
                stored = (JsonObject)existing.DeepClone();
                return false;
            }

            var copy = (JsonObject)value.DeepClone();
            if (dryRun)
            {
                stored = copy;
                return true;
            }

            committed = CommitLocked(key, WatchEventType.Added, copy, null);
            stored = (JsonObject)copy.DeepClone();
        }

        Changed?.Invoke(committed);
        return true;
    }

    /// <summary>
    /// Reads, transforms and writes one object atomically. The mutation receives a copy of the current object
    /// and returns the new state, the same state for a no-op, or <see cref="StoreMutation.Delete"/>.
    /// Returns null when the object does not exist.
    /// </summary>
    public StoreMutationResult? Mutate(ObjectKey key, Func<JsonObject, StoreMutation> mutation, bool dryRun)
    {
        StoreEvent? committed;
        StoreMutationResult result;
        lock (_lock)
        {
            if (!_objects.TryGetValue(key, out var current))
            {
                return null;
            }

            var outcome = mutation((JsonObject)current.DeepClone());
            if (outcome.Deleted)
            {
                if (dryRun)
                {
                    return new StoreMutationResult((JsonObject)current.DeepClone(), Deleted: true);
                }

                _objects.Remove(key);
                committed = CommitLocked(key, WatchEventType.Deleted, (JsonObject)current.DeepClone(), null);
                result = new StoreMutationResult((JsonObject)committed.Object.DeepClone(), Deleted: true);
            }
            else
            {
                var next = outcome.Object!;
                next["metadata"]!.AsObject()["resourceVersion"] = current["metadata"]?["resourceVersion"]?.DeepClone();
                if (JsonNode.DeepEquals(next, current) || dryRun)
                {
                    return new StoreMutationResult(next, Deleted: false);
                }

                committed = CommitLocked(key, WatchEventType.Modified, next, current);
                result = new StoreMutationResult((JsonObject)next.DeepClone(), Deleted: false);
            }
        }

        Changed?.Invoke(committed);
        return result;
    }

    /// <summary>Starts a watch on a resource: from now (replaying current objects) or after a remembered resourceVersion.</summary>
    public StoreSubscription Subscribe(string storageKey, long? afterResourceVersion)
    {
        lock (_lock)
        {
            List<StoreEvent> initial;
            if (afterResourceVersion is null)
            {
                initial = [.. _objects
                    .Where(pair => pair.Key.StorageKey == storageKey)
                    .OrderBy(pair => pair.Key.Namespace, StringComparer.Ordinal)
                    .ThenBy(pair => pair.Key.Name, StringComparer.Ordinal)
                    .Select(pair => new StoreEvent(_resourceVersion, WatchEventType.Added, pair.Key, pair.Value, null))];
            }
            else
            {
                if (afterResourceVersion.Value < _compactedThrough)
                {
                    throw new ResourceVersionTooOldException(afterResourceVersion.Value, _compactedThrough);
                }

                initial = [.. _history.Where(e => e.ResourceVersion > afterResourceVersion.Value && e.Key.StorageKey == storageKey)];
            }

            var subscription = new StoreSubscription(storageKey, initial, _resourceVersion, Unsubscribe);
            _subscriptions.Add(subscription);
            return subscription;
        }
    }

    private void Unsubscribe(StoreSubscription subscription)
    {
        lock (_lock)
        {
            _subscriptions.Remove(subscription);
        }
    }

    private StoreEvent CommitLocked(ObjectKey key, WatchEventType type, JsonObject value, JsonObject? previous)
    {
        _resourceVersion++;
        var version = _resourceVersion.ToString(CultureInfo.InvariantCulture);
        value["metadata"]!.AsObject()["resourceVersion"] = version;
        if (type != WatchEventType.Deleted)
        {
            _objects[key] = value;
        }

        // No copies: value is the stored object from now on and previous the one it replaced, neither ever modified again.
        var storeEvent = new StoreEvent(_resourceVersion, type, key, value, previous);
        _history.AddLast(storeEvent);
        while (_history.Count > _historySize)
        {
            _compactedThrough = _history.First!.Value.ResourceVersion;
            _history.RemoveFirst();
        }

        foreach (var subscription in _subscriptions)
        {
            if (subscription.StorageKey == key.StorageKey)
            {
                subscription.Publish(storeEvent);
            }
        }

        _stateFile?.Append(_resourceVersion, key, type == WatchEventType.Deleted ? null : value);
        return storeEvent;
    }
}
