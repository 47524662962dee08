using System.Collections.Concurrent;
using VmLifecycle.Aggregator.Reconciliation;
using VmLifecycle.Api.VirtualMachineInstances;

namespace VmLifecycle.Aggregator.Controllers;

/// <summary>
/// client-go's controller expectations, reduced to what the VM controller needs: a VMI creation or deletion it sent and
/// that the VMI cache does not show yet, so that a lagging cache never makes it create or delete twice.
/// </summary>
internal sealed class VirtualMachineExpectations(TimeProvider time)
{
    private static readonly TimeSpan Expiry = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<EntityKey, (string? Uid, DateTimeOffset At)> _creations = new();
    private readonly ConcurrentDictionary<EntityKey, (string? Uid, DateTimeOffset At)> _deletions = new();

    public void ExpectCreation(EntityKey key, string? uid) => _creations[key] = (uid, time.GetUtcNow());

    public void ExpectDeletion(EntityKey key, string? uid) => _deletions[key] = (uid, time.GetUtcNow());

    /// <summary>A creation was sent and the cache still shows no VMI.</summary>
    public bool IsCreationPending(EntityKey key, VirtualMachineInstance? cached)
    {
        if (!_creations.TryGetValue(key, out var expected))
        {
            return false;
        }

        if (cached is not null || time.GetUtcNow() - expected.At > Expiry)
        {
            _creations.TryRemove(key, out _);
            return false;
        }

        return true;
    }

    /// <summary>A deletion was sent and the cache still shows that VMI without a deletionTimestamp.</summary>
    public bool IsDeletionPending(EntityKey key, VirtualMachineInstance? cached)
    {
        if (!_deletions.TryGetValue(key, out var expected))
        {
            return false;
        }

        if (cached is null || cached.Metadata?.Uid != expected.Uid || cached.IsDeleting() || time.GetUtcNow() - expected.At > Expiry)
        {
            _deletions.TryRemove(key, out _);
            return false;
        }

        return true;
    }

    public void Forget(EntityKey key)
    {
        _creations.TryRemove(key, out _);
        _deletions.TryRemove(key, out _);
    }
}
