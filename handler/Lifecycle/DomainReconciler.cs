using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Handler.Domains;
using VmLifecycle.Handler.Observability;

namespace VmLifecycle.Handler.Lifecycle;

/// <summary>
/// Brings one VMI key (namespace/name) and its domain in line, from fresh reads of both (level-based, so a missed event
/// or a handler restart is repaired by the next pass): starts the domain of a VMI scheduled here (after adding the
/// handler finalizer), adopts a running domain whose metadata carries the VMI's uid, reports the domain's state in the
/// status, stops the domain of a deleted VMI gracefully and removes the finalizer once the domain is gone, and removes
/// domains whose VMI is gone or has another uid. Returns when to look again, or null.
/// </summary>
internal sealed partial class DomainReconciler(
    NodeDomains domains,
    VmiUpdater updater,
    GracefulShutdown shutdown,
    TimeProvider time,
    ILogger<DomainReconciler> logger)
{
    private static readonly TimeSpan _otherNodeRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan _invalidSpecRetry = TimeSpan.FromSeconds(15);

    public async Task<TimeSpan?> ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var (ns, name) = VmiKey.Split(key);
        var vmi = await updater.Store.GetAsync(ns, name, cancellationToken);
        var domain = domains.Find(ns, name);
        if (domain is not null && domain.Identity is null)
        {
            return null; // A domain named like ours but without our metadata belongs to someone else.
        }

        var ours = vmi?.Status?.NodeName == domains.Node;
        if (domain is not null && domain.Identity!.Node != domains.Node)
        {
            // Another handler on the same libvirtd still has a domain of that name; wait for it to go.
            return ours ? _otherNodeRetry : null;
        }

        if (vmi is null || !ours)
        {
            if (domain is not null)
            {
                LogOrphan(logger, domain.DomainName, domain.Identity!.Uid);
                HandlerMetrics.Measure("remove", () => domains.Remove(domain));
            }

            shutdown.Forget(key);
            return null;
        }

        if (domain is not null && domain.Identity!.Uid != vmi.Metadata.Uid)
        {
            LogStale(logger, domain.DomainName, domain.Identity.Uid, vmi.Metadata.Uid);
            HandlerMetrics.Measure("remove", () => domains.Remove(domain));
            domain = null;
        }

        if (vmi.Metadata.DeletionTimestamp is not null)
        {
            return await StopAsync(key, vmi, domain, cancellationToken);
        }

        shutdown.Forget(key);
        if (vmi.Status?.Phase is VirtualMachineInstancePhase.Succeeded or VirtualMachineInstancePhase.Failed)
        {
            if (domain is not null)
            {
                HandlerMetrics.Measure("remove", () => domains.Remove(domain));
            }

            return null;
        }

        return await RunAsync(vmi, domain, cancellationToken);
    }

    private async Task<TimeSpan?> RunAsync(VirtualMachineInstance vmi, NodeDomain? domain, CancellationToken cancellationToken)
    {
        var (ns, name, uid) = (vmi.Metadata.NamespaceProperty, vmi.Metadata.Name, vmi.Metadata.Uid);
        if (domain is null)
        {
            if (vmi.Status?.Phase == VirtualMachineInstancePhase.Running)
            {
                // It ran here and its domain vanished without an event we could read (persistent domains normally
                // survive as shut off): the guest is gone.
                await updater.UpdateStatusAsync(vmi, v => DomainStatusProjection.Finish(v, VirtualMachineInstancePhase.Failed, HandlerReasons.DomainLost, time.GetUtcNow()), cancellationToken);
                return null;
            }

            // The finalizer goes on before the domain exists, so a deletion can never leave a guest behind.
            var withFinalizer = await updater.UpdateMetadataAsync(vmi, v => v.Metadata.Uid == uid && AddFinalizer(v), cancellationToken);
            if (withFinalizer?.Metadata.Uid != uid || withFinalizer.Metadata.DeletionTimestamp is not null)
            {
                return TimeSpan.Zero;
            }

            try
            {
                await HandlerMetrics.MeasureAsync("start", () => domains.StartAsync(withFinalizer, cancellationToken));
            }
            catch (Exception e) when (e is InvalidDomainSpecException or ImageNotFoundException or CloudInitSecretException or InvalidOperationException or Libvirt.LibvirtException { IsConnectionLost: false })
            {
                LogStartFailed(logger, e, ns, name);
                await updater.UpdateStatusAsync(withFinalizer, v => VmiConditions.Set(v, ConditionTypes.Synchronized, ConditionStatus.False, HandlerReasons.SyncFailed, e.Message, time.GetUtcNow()), cancellationToken);
                return _invalidSpecRetry;
            }

            domain = domains.Find(ns, name);
            if (domain is null)
            {
                return TimeSpan.Zero;
            }

            vmi = withFinalizer;
        }

        var current = domain;
        var written = await updater.UpdateStatusAsync(vmi, v => v.Metadata.Uid == uid && DomainStatusProjection.Apply(v, current.Status, domains.Node, time.GetUtcNow()), cancellationToken);
        if (!current.Status.IsActive && written?.Status?.Phase is VirtualMachineInstancePhase.Succeeded or VirtualMachineInstancePhase.Failed)
        {
            // The outcome is recorded; the shut-off domain and its files are no longer needed.
            LogFinished(logger, current.DomainName, written.Status.Phase, written.Status.Reason);
            HandlerMetrics.Measure("remove", () => domains.Remove(current));
        }

        return null;
    }

    private async Task<TimeSpan?> StopAsync(string key, VirtualMachineInstance vmi, NodeDomain? domain, CancellationToken cancellationToken)
    {
        var (ns, name) = (vmi.Metadata.NamespaceProperty, vmi.Metadata.Name);
        if (domain is not null && domain.Status.IsActive)
        {
            var grace = vmi.Spec.TerminationGracePeriodSeconds ?? KubeVirtDefaults.DefaultGracePeriodSeconds;
            var step = shutdown.Next(key, vmi.Metadata.DeletionTimestamp is { } deleted ? new DateTimeOffset(DateTime.SpecifyKind(deleted, DateTimeKind.Utc)) : null, grace);
            switch (step.Action)
            {
                case ShutdownAction.PressPowerButton:
                    LogPowerButton(logger, domain.DomainName, grace);
                    HandlerMetrics.Measure("shutdown", () => domains.PressPowerButton(domain));
                    return step.RecheckAfter;
                case ShutdownAction.Wait:
                    return step.RecheckAfter;
                default:
                    LogDestroy(logger, domain.DomainName, grace);
                    HandlerMetrics.Measure("destroy", () => domains.Destroy(domain));
                    domain = domains.Find(ns, name);
                    if (domain is { Status.IsActive: true })
                    {
                        return TimeSpan.FromMilliseconds(200);
                    }

                    break;
            }
        }

        var uid = vmi.Metadata.Uid;
        if (domain is not null)
        {
            var final = DomainStatusProjection.FinalPhase(domain.Status, out var reason);
            var written = await updater.UpdateStatusAsync(vmi, v => v.Metadata.Uid == uid && DomainStatusProjection.Finish(v, final, reason, time.GetUtcNow()), cancellationToken);
            HandlerMetrics.Measure("remove", () => domains.Remove(domain));
            if (written is null)
            {
                shutdown.Forget(key);
                return null; // The VMI is gone, and its finalizer with it.
            }

            vmi = written;
        }

        // Never cancelled: a half-done finalizer removal would leave the VMI stuck in Terminating.
        await updater.UpdateMetadataAsync(vmi, v => v.Metadata.Uid == uid && RemoveFinalizer(v), CancellationToken.None);
        shutdown.Forget(key);
        return null;
    }

    private static bool AddFinalizer(VirtualMachineInstance vmi)
    {
        var finalizers = vmi.Metadata.Finalizers ??= [];
        if (finalizers.Contains(Finalizers.Handler))
        {
            return false;
        }

        finalizers.Add(Finalizers.Handler);
        return true;
    }

    private static bool RemoveFinalizer(VirtualMachineInstance vmi) => vmi.Metadata.Finalizers?.Remove(Finalizers.Handler) == true;

    [LoggerMessage(Level = LogLevel.Information, Message = "Removing domain {Domain}: its VMI (uid {Uid}) is gone or not on this node")]
    private static partial void LogOrphan(ILogger logger, string domain, string uid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removing domain {Domain}: it belongs to VMI uid {DomainUid}, the VMI now has uid {VmiUid}")]
    private static partial void LogStale(ILogger logger, string domain, string domainUid, string vmiUid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Starting the domain of {Namespace}/{Name} failed")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, string @namespace, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Domain {Domain} stopped: phase {Phase}, reason {Reason}")]
    private static partial void LogFinished(ILogger logger, string domain, VirtualMachineInstancePhase? phase, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pressing the ACPI power button of {Domain} (grace period {GraceSeconds} s)")]
    private static partial void LogPowerButton(ILogger logger, string domain, long graceSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Destroying {Domain}: grace period of {GraceSeconds} s is over")]
    private static partial void LogDestroy(ILogger logger, string domain, long graceSeconds);
}
