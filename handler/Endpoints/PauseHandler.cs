using Microsoft.Extensions.Options;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Handler.Configuration;
using VmLifecycle.Handler.Domains;
using VmLifecycle.Handler.Kubernetes;
using VmLifecycle.Handler.Libvirt;
using VmLifecycle.Handler.Lifecycle;
using VmLifecycle.Handler.Observability;

namespace VmLifecycle.Handler.Endpoints;

/// <summary>The pause and unpause logic behind <see cref="PauseEndpoints"/>.</summary>
internal sealed partial class PauseHandler(
    IVirtualMachineInstanceStore store,
    NodeDomains domains,
    InstanceLocks locks,
    DomainEventExpectations expectations,
    LifecycleController lifecycle,
    IOptions<HandlerOptions> options,
    TimeProvider time,
    ILogger<PauseHandler> logger)
{
    private readonly VmiUpdater _updater = new(store);

    public Task<IResult> PauseAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        ChangeAsync(@namespace, name, pause: true, cancellationToken);

    public Task<IResult> UnpauseAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        ChangeAsync(@namespace, name, pause: false, cancellationToken);

    private async Task<IResult> ChangeAsync(string @namespace, string name, bool pause, CancellationToken cancellationToken)
    {
        using var held = await locks.AcquireAsync(VmiKey.For(@namespace, name), cancellationToken);

        // The VMI as this handler last wrote or watched it saves a read; it may lag someone else's change, so a refusal
        // is only answered once a fresh read confirms it (and a write based on a stale copy conflicts and is redone).
        var vmi = store.GetRecent(@namespace, name);
        var (domain, refusal) = vmi is null ? (null, null) : Check(@namespace, name, vmi, pause);
        if (vmi is null || refusal is not null)
        {
            vmi = await store.GetAsync(@namespace, name, cancellationToken);
            (domain, refusal) = vmi is null ? (null, StatusResults.NotFound(name)) : Check(@namespace, name, vmi, pause);
        }

        if (vmi is null || domain is null)
        {
            return refusal ?? StatusResults.NotFound(name);
        }

        // The domain's Suspended or Resumed event needs no reconcile when the status below reports the change; a failed
        // libvirt call or status write gives the event (or a queued reconcile) back to the lifecycle controller.
        var eventType = pause ? DomainLifecycleEventType.Suspended : DomainLifecycleEventType.Resumed;
        try
        {
            if (pause)
            {
                // Suspending an already paused domain (for example one started paused) changes nothing.
                if (domain.Status.State != DomainState.Paused)
                {
                    expectations.Expect(domain.DomainName, eventType);
                    HandlerMetrics.Measure("pause", () => domains.Libvirt.Suspend(domain.DomainName));
                }
            }
            else if (domain.Status.State == DomainState.Paused)
            {
                expectations.Expect(domain.DomainName, eventType);
                HandlerMetrics.Measure("unpause", () => domains.Libvirt.Resume(domain.DomainName));
            }
        }
        catch (LibvirtException e)
        {
            expectations.Forget(domain.DomainName, eventType);
            LogFailed(logger, e, @namespace, name, pause);
            return StatusResults.InternalError(e.LibvirtMessage, name);
        }

        // Written before answering, and never cancelled half-way: the domain already changed. The VMI above (recent copy
        // or read, under the lock) is the first attempt; only a conflict costs another read.
        var uid = vmi.Metadata.Uid;
        try
        {
            await _updater.UpdateStatusAsync(vmi, v => v.Metadata.Uid == uid && (pause
                ? VmiConditions.Set(v, ConditionTypes.Paused, ConditionStatus.True, ConditionReasons.PausedByUser, KubeVirtMessages.PausedByUser, time.GetUtcNow())
                : VmiConditions.Remove(v, ConditionTypes.Paused)), CancellationToken.None);
        }
        catch
        {
            expectations.Forget(domain.DomainName, eventType);
            lifecycle.Enqueue(VmiKey.For(@namespace, name));
            throw;
        }

        LogChanged(logger, @namespace, name, pause ? KubeVirtMessages.VmiPausedEvent : KubeVirtMessages.VmiUnpausedEvent);
        return StatusResults.Success();
    }

    /// <summary>The VMI's domain when <paramref name="vmi"/> allows the change, or the refusal.</summary>
    private (NodeDomain? Domain, IResult? Refusal) Check(string @namespace, string name, VirtualMachineInstance vmi, bool pause)
    {
        if (vmi.Status?.NodeName != options.Value.NodeName)
        {
            return (null, StatusResults.NotFound(name));
        }

        var paused = VmiConditions.Find(vmi, ConditionTypes.Paused) is { Status: ConditionStatus.True };
        if (vmi.Status.Phase != VirtualMachineInstancePhase.Running)
        {
            return (null, StatusResults.Conflict(name, pause ? KubeVirtMessages.VmNotRunning : KubeVirtMessages.VmiNotRunning));
        }

        if (pause == paused)
        {
            return (null, StatusResults.Conflict(name, pause ? KubeVirtMessages.VmiAlreadyPaused : KubeVirtMessages.VmiNotPaused));
        }

        var domain = domains.Find(@namespace, name);
        return domain?.Identity?.Uid != vmi.Metadata.Uid || !domain.Status.IsActive
            ? (null, StatusResults.Conflict(name, pause ? KubeVirtMessages.VmNotRunning : KubeVirtMessages.VmiNotRunning))
            : (domain, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Changing the pause state of {Namespace}/{Name} (pause: {Pause}) failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string @namespace, string name, bool pause);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Namespace}/{Name}: {Event}")]
    private static partial void LogChanged(ILogger logger, string @namespace, string name, string @event);
}
