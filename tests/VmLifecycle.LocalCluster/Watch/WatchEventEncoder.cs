using System.Runtime.CompilerServices;
using VmLifecycle.LocalCluster.Resources;
using VmLifecycle.LocalCluster.Storage;

namespace VmLifecycle.LocalCluster.Watch;

/// <summary>
/// Serialises the object of a store event once per served version and shares the bytes between every watcher of
/// that version, as kube-apiserver's watch cache encodes an event once per encoding rather than once per watcher.
/// The encodings live as long as their event (a watcher holds it, or the store's watch history).
/// </summary>
internal sealed class WatchEventEncoder
{
    private readonly ConditionalWeakTable<StoreEvent, EventEncodings> _encodings = [];

    /// <summary>The watch line for <paramref name="change"/> sent as <paramref name="type"/> to a watcher of <paramref name="definition"/>'s version.</summary>
    public byte[] Frame(string type, ResourceDefinition definition, StoreEvent change) =>
        WatchFrames.Compose(type, ObjectJson(definition, change));

    /// <summary>The event's object as served at <paramref name="definition"/>'s version; the same array for every caller.</summary>
    public byte[] ObjectJson(ResourceDefinition definition, StoreEvent change) =>
        _encodings.GetValue(change, static e => new EventEncodings(e)).For(definition);

    /// <summary>The encodings of one event, computed under a lock so that concurrent watchers serialise it only once.</summary>
    private sealed class EventEncodings(StoreEvent change)
    {
        private readonly Lock _lock = new();
        private readonly List<(string GroupVersion, string Kind, byte[] Json)> _byVersion = new(1);

        public byte[] For(ResourceDefinition definition)
        {
            var groupVersion = definition.GroupVersion;
            lock (_lock)
            {
                foreach (var (version, kind, json) in _byVersion)
                {
                    if (version == groupVersion && kind == definition.Kind)
                    {
                        return json;
                    }
                }

                var encoded = ObjectVersioning.SerializeForVersion(definition, change.Object);
                _byVersion.Add((groupVersion, definition.Kind, encoded));
                return encoded;
            }
        }
    }
}
