using System.Collections.Concurrent;
using VmLifecycle.Handler.Libvirt;

namespace VmLifecycle.Handler.Lifecycle;

/// <summary>
/// Lifecycle events the handler is about to cause and reports itself, as the ReplicaSet controller's expectations: a pause
/// or unpause suspends or resumes the domain and writes the VMI's status under the VMI's lock, so libvirt's Suspended
/// (paused) or Resumed (unpaused) event of that change carries nothing new. Reconciling it anyway would only queue a
/// reconcile behind the next request for the same VMI. An expectation is consumed by the first matching event, and one
/// older than <see cref="Lifetime"/> no longer matches, so a lost event never hides a later change of the same kind.
/// </summary>
internal sealed class DomainEventExpectations(TimeProvider time)
{
    /// <summary>How long an expectation waits for its event.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(string Domain, DomainLifecycleEventType Type), long> _pending = new();

    /// <summary>How many expectations wait for their event (expired ones included until an event of their kind comes).</summary>
    public int Pending => _pending.Count;

    /// <summary>
    /// Expects a Suspended (paused by the user) or Resumed (unpaused) event of <paramref name="domainName"/>; call it
    /// before the libvirt call, whose event can arrive before the call returns.
    /// </summary>
    public void Expect(string domainName, DomainLifecycleEventType type) => _pending[(domainName, type)] = time.GetTimestamp();

    /// <summary>Drops an expectation whose change failed or was not reported: its event must be reconciled.</summary>
    public void Forget(string domainName, DomainLifecycleEventType type) => _pending.TryRemove((domainName, type), out _);

    /// <summary>Whether <paramref name="domainEvent"/> is one the handler expected (the expectation is used up).</summary>
    public bool Consume(DomainLifecycleEvent domainEvent)
    {
        if (domainEvent.Detail != DomainLifecycleEvent.PausedOrUnpaused
            || !_pending.TryRemove((domainEvent.DomainName, domainEvent.Type), out var expectedAt))
        {
            return false;
        }

        return time.GetElapsedTime(expectedAt) < Lifetime;
    }
}
