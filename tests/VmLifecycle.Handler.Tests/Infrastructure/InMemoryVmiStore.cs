using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using k8s;
using VmLifecycle.Api.Serialization;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Handler.Kubernetes;

namespace VmLifecycle.Handler.Tests.Infrastructure;

/// <summary>
/// An in-memory API server for VMIs with the semantics the handler relies on: resourceVersion conflicts, the status
/// subresource, finalizers holding a deletion (deletionTimestamp) and removal once the last one is gone, and a watch
/// that starts with a snapshot. Objects are copied in and out, as over the wire.
/// </summary>
internal sealed class InMemoryVmiStore(TimeProvider time) : IVirtualMachineInstanceStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, VirtualMachineInstance> _items = new(StringComparer.Ordinal);
    private readonly List<Channel<VmiWatchEvent>> _watchers = [];
    private long _version;
    private int _reads;
    private Exception? _nextStatusWriteFailure;
    private readonly Dictionary<string, VirtualMachineInstance> _recent = new(StringComparer.Ordinal);

    public InMemoryVmiStore()
        : this(TimeProvider.System)
    {
    }

    public int StatusWrites { get; private set; }

    /// <summary>How many times the handler read a VMI (<see cref="GetAsync"/>).</summary>
    public int Reads => Volatile.Read(ref _reads);

    /// <summary>
    /// What <see cref="GetRecent"/> answers for the VMI from now on (a copy of <paramref name="vmi"/>): a recent copy
    /// that may be stale. By default the store keeps none, and callers read.
    /// </summary>
    public void SetRecent(VirtualMachineInstance vmi)
    {
        lock (_gate)
        {
            _recent[Key(vmi)] = Copy(vmi);
        }
    }

    public void ForgetRecent(string @namespace, string name)
    {
        lock (_gate)
        {
            _recent.Remove($"{@namespace}/{name}");
        }
    }

    public VirtualMachineInstance? GetRecent(string @namespace, string name)
    {
        lock (_gate)
        {
            return _recent.TryGetValue($"{@namespace}/{name}", out var vmi) ? Copy(vmi) : null;
        }
    }

    /// <summary>Makes the next status write throw <paramref name="failure"/> (an API server that cannot be reached).</summary>
    public void FailNextStatusWrite(Exception failure)
    {
        lock (_gate)
        {
            _nextStatusWriteFailure = failure;
        }
    }

    public VirtualMachineInstance Create(VirtualMachineInstance vmi)
    {
        var copy = Copy(vmi);
        lock (_gate)
        {
            copy.Metadata.Uid ??= Guid.NewGuid().ToString();
            copy.Metadata.CreationTimestamp = time.GetUtcNow().UtcDateTime;
            copy.Metadata.ResourceVersion = NextVersion();
            _items.Add(Key(copy), copy);
            Broadcast(WatchEventType.Added, copy);
            return Copy(copy);
        }
    }

    /// <summary>Deletes like the API server: with finalizers the object only gets a deletionTimestamp.</summary>
    public void Delete(string @namespace, string name, long? gracePeriodSeconds = null)
    {
        lock (_gate)
        {
            var current = _items[$"{@namespace}/{name}"];
            if (gracePeriodSeconds is { } grace)
            {
                current.Spec.TerminationGracePeriodSeconds = grace;
            }

            if (current.Metadata.Finalizers is { Count: > 0 })
            {
                current.Metadata.DeletionTimestamp ??= time.GetUtcNow().UtcDateTime;
                current.Metadata.ResourceVersion = NextVersion();
                Broadcast(WatchEventType.Modified, current);
            }
            else
            {
                _items.Remove(Key(current));
                Broadcast(WatchEventType.Deleted, current);
            }
        }
    }

    /// <summary>Removes the object at once, finalizers or not (as if it was deleted while the handler was away).</summary>
    public void Purge(string @namespace, string name)
    {
        lock (_gate)
        {
            if (_items.Remove($"{@namespace}/{name}", out var removed))
            {
                Broadcast(WatchEventType.Deleted, removed);
            }
        }
    }

    public VirtualMachineInstance? Get(string @namespace, string name)
    {
        lock (_gate)
        {
            return _items.TryGetValue($"{@namespace}/{name}", out var vmi) ? Copy(vmi) : null;
        }
    }

    public async IAsyncEnumerable<VmiWatchEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<VmiWatchEvent>();
        lock (_gate)
        {
            channel.Writer.TryWrite(new VmiSnapshot([.. _items.Values.Select(Copy)]));
            _watchers.Add(channel);
        }

        try
        {
            await foreach (var change in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return change;
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(channel);
            }
        }
    }

    public Task<VirtualMachineInstance?> GetAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return Task.FromResult(Get(@namespace, name));
    }

    public Task<VirtualMachineInstance> UpdateAsync(VirtualMachineInstance vmi, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var current = Current(vmi);
            var updated = Copy(vmi);
            updated.Status = current.Status;
            updated.Metadata.DeletionTimestamp = current.Metadata.DeletionTimestamp;
            updated.Metadata.ResourceVersion = NextVersion();
            if (updated.Metadata.DeletionTimestamp is not null && updated.Metadata.Finalizers is null or { Count: 0 })
            {
                _items.Remove(Key(updated));
                Broadcast(WatchEventType.Deleted, updated);
            }
            else
            {
                _items[Key(updated)] = updated;
                Broadcast(WatchEventType.Modified, updated);
            }

            return Task.FromResult(Copy(updated));
        }
    }

    public Task<VirtualMachineInstance> UpdateStatusAsync(VirtualMachineInstance vmi, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_nextStatusWriteFailure is { } failure)
            {
                _nextStatusWriteFailure = null;
                return Task.FromException<VirtualMachineInstance>(failure);
            }

            var current = Current(vmi);
            var updated = Copy(current);
            updated.Status = Copy(vmi).Status;
            updated.Metadata.ResourceVersion = NextVersion();
            _items[Key(updated)] = updated;
            StatusWrites++;
            Broadcast(WatchEventType.Modified, updated);
            return Task.FromResult(Copy(updated));
        }
    }

    public Task<bool> IsReachableAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    private VirtualMachineInstance Current(VirtualMachineInstance vmi)
    {
        if (!_items.TryGetValue(Key(vmi), out var current))
        {
            throw new VmiConflictException($"{Key(vmi)} not found");
        }

        return current.Metadata.ResourceVersion != vmi.Metadata.ResourceVersion
            ? throw new VmiConflictException($"{Key(vmi)}: resourceVersion {vmi.Metadata.ResourceVersion} is not {current.Metadata.ResourceVersion}")
            : current;
    }

    private void Broadcast(WatchEventType type, VirtualMachineInstance vmi)
    {
        foreach (var watcher in _watchers)
        {
            watcher.Writer.TryWrite(new VmiChange(type, Copy(vmi)));
        }
    }

    private string NextVersion() => (++_version).ToString(CultureInfo.InvariantCulture);

    private static string Key(VirtualMachineInstance vmi) => $"{vmi.Metadata.NamespaceProperty}/{vmi.Metadata.Name}";

    private static VirtualMachineInstance Copy(VirtualMachineInstance vmi) => ApiJson.Deserialize<VirtualMachineInstance>(ApiJson.Serialize(vmi))!;
}
