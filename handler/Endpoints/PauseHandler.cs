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
        var vmi = await store.GetAsync(@namespace, name, cancellationToken);
        if (vmi is null || vmi.Status?.NodeName != options.Value.NodeName)
        {
            return StatusResults.NotFound(name);
        }

        var paused = VmiConditions.Find(vmi, ConditionTypes.Paused) is { Status: ConditionStatus.True };
        var running = vmi.Status.Phase == VirtualMachineInstancePhase.Running;
        if (pause && !running)
        {
            return StatusResults.Conflict(name, KubeVirtMessages.VmNotRunning);
        }

        if (!pause && !running)
        {
            return StatusResults.Conflict(name, KubeVirtMessages.VmiNotRunning);
        }

        if (pause && paused)
        {
            return StatusResults.Conflict(name, KubeVirtMessages.VmiAlreadyPaused);
        }

        if (!pause && !paused)
        {
            return StatusResults.Conflict(name, KubeVirtMessages.VmiNotPaused);
        }

        var domain = domains.Find(@namespace, name);
        if (domain?.Identity?.Uid != vmi.Metadata.Uid || !domain.Status.IsActive)
        {
            return StatusResults.Conflict(name, pause ? KubeVirtMessages.VmNotRunning : KubeVirtMessages.VmiNotRunning);
        }

        try
        {
            if (pause)
            {
                // Suspending an already paused domain (for example one started paused) changes nothing.
                if (domain.Status.State != DomainState.Paused)
                {
                    HandlerMetrics.Measure("pause", () => domains.Libvirt.Suspend(domain.DomainName));
                }
            }
            else if (domain.Status.State == DomainState.Paused)
            {
                HandlerMetrics.Measure("unpause", () => domains.Libvirt.Resume(domain.DomainName));
            }
        }
        catch (LibvirtException e)
        {
            LogFailed(logger, e, @namespace, name, pause);
            return StatusResults.InternalError(e.LibvirtMessage, name);
        }

        // Written before answering, and never cancelled half-way: the domain already changed. The VMI read above (under
        // the lock) is the first attempt; only a conflict costs another read.
        var uid = vmi.Metadata.Uid;
        await _updater.UpdateStatusAsync(vmi, v => v.Metadata.Uid == uid && (pause
            ? VmiConditions.Set(v, ConditionTypes.Paused, ConditionStatus.True, ConditionReasons.PausedByUser, KubeVirtMessages.PausedByUser, time.GetUtcNow())
            : VmiConditions.Remove(v, ConditionTypes.Paused)), CancellationToken.None);
        LogChanged(logger, @namespace, name, pause ? KubeVirtMessages.VmiPausedEvent : KubeVirtMessages.VmiUnpausedEvent);
        return StatusResults.Success();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Changing the pause state of {Namespace}/{Name} (pause: {Pause}) failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string @namespace, string name, bool pause);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Namespace}/{Name}: {Event}")]
    private static partial void LogChanged(ILogger logger, string @namespace, string name, string @event);
}
