using k8s.Models;
using Microsoft.Extensions.Options;
using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Aggregator.Observability;
using VmLifecycle.Aggregator.Reconciliation;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.Serialization;
using VmLifecycle.Api.VirtualMachineInstances;

namespace VmLifecycle.Aggregator.Controllers;

/// <summary>
/// Schedules pending VMIs (phase Scheduling, then Scheduled with status.nodeName) to a node with a live handler that
/// matches spec.nodeSelector (<see cref="NodeSelection"/>), or leaves them Pending with PodScheduled False, reason
/// Unschedulable and a message naming why. Once scheduled the VMI belongs to the node's handler; this controller only marks
/// it Failed (reason NodeUnresponsive) when the handler's heartbeat is older than the node-failure timeout while some other
/// handler is alive.
/// Every transition is recorded as an event.
/// </summary>
internal sealed partial class VirtualMachineInstanceController(
    Informer<VirtualMachineInstance> vmis,
    Informer<V1Node> nodes,
    KubeVirtObjectWriter writer,
    ILifecycleEventRecorder events,
    IOptions<ControllerOptions> options,
    TimeProvider time,
    ILogger<VirtualMachineInstanceController> logger) : IEntityController<VirtualMachineInstance>
{
    private static readonly TimeSpan FullDisruptionRetry = TimeSpan.FromSeconds(5);

    public async Task<ReconciliationResult> ReconcileAsync(VirtualMachineInstance vmi, CancellationToken cancellationToken)
    {
        if (vmi.IsDeleting() || vmi.IsFinal())
        {
            return ReconciliationResult.Success();
        }

        try
        {
            return vmi.IsUnscheduled() ? await ScheduleAsync(vmi, cancellationToken) : await WatchNodeAsync(vmi, cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsConflict || e.IsNotFound)
        {
            // Changed or gone meanwhile (the handler may have written); the watch event brings the new state.
            return ReconciliationResult.Success();
        }
    }

    public Task<ReconciliationResult> DeletedAsync(VirtualMachineInstance vmi, CancellationToken cancellationToken) =>
        Task.FromResult(ReconciliationResult.Success());

    private async Task<ReconciliationResult> ScheduleAsync(VirtualMachineInstance vmi, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var load = vmis.Cache.List()
            .Where(other => !other.IsFinal() && !string.IsNullOrEmpty(other.Status?.NodeName))
            .GroupBy(other => other.Status!.NodeName!)
            .ToDictionary(group => group.Key, group => group.Count());
        var decision = NodeSelection.Select(nodes.Cache.List(), vmi.Spec.NodeSelector, load, now, options.Value.HeartbeatStaleness);
        if (decision.NodeName is null)
        {
            await MarkUnschedulableAsync(vmi, decision.UnschedulableMessage!, now.UtcDateTime, cancellationToken);
            return ReconciliationResult.Success(options.Value.UnschedulableRetryInterval);
        }

        // The Events follow the status writes, so the node's handler sees the VMI Scheduled one Event sooner.
        var scheduling = VirtualMachineInstanceFactory.Copy(vmi);
        var status = scheduling.Status ??= new VirtualMachineInstanceStatus();
        var schedulingWritten = false;
        if (status.Phase != VirtualMachineInstancePhase.Scheduling)
        {
            status.Phase = VirtualMachineInstancePhase.Scheduling;
            scheduling = await writer.ReplaceVmiStatusAsync(scheduling, cancellationToken);
            schedulingWritten = true;
            status = scheduling.Status ??= new VirtualMachineInstanceStatus();
        }

        status.Phase = VirtualMachineInstancePhase.Scheduled;
        status.NodeName = decision.NodeName;
        SetCondition(status, new VirtualMachineInstanceCondition
        {
            Type = ConditionTypes.PodScheduled, Status = ConditionStatus.True, LastProbeTime = null, LastTransitionTime = now.UtcDateTime,
        });
        try
        {
            await writer.ReplaceVmiStatusAsync(scheduling, cancellationToken);
        }
        catch (KubernetesApiException) when (schedulingWritten)
        {
            await RecordAsync(vmi, ControllerMessages.Scheduling, ControllerMessages.SchedulingStarted(decision.NodeName), cancellationToken);
            throw;
        }

        LogScheduled(logger, vmi.Metadata.NamespaceProperty, vmi.Metadata.Name, decision.NodeName);
        if (schedulingWritten)
        {
            await RecordAsync(vmi, ControllerMessages.Scheduling, ControllerMessages.SchedulingStarted(decision.NodeName), cancellationToken);
        }

        await RecordAsync(vmi, ControllerMessages.Scheduled, ControllerMessages.Assigned(vmi.Metadata.NamespaceProperty, vmi.Metadata.Name, decision.NodeName), cancellationToken);
        return ReconciliationResult.Success();
    }

    private async Task MarkUnschedulableAsync(VirtualMachineInstance vmi, string message, DateTime now, CancellationToken cancellationToken)
    {
        var copy = VirtualMachineInstanceFactory.Copy(vmi);
        var status = copy.Status ??= new VirtualMachineInstanceStatus();
        status.Phase = VirtualMachineInstancePhase.Pending;
        SetCondition(status, new VirtualMachineInstanceCondition
        {
            Type = ConditionTypes.PodScheduled, Status = ConditionStatus.False, Reason = ConditionReasons.Unschedulable, Message = message, LastTransitionTime = now,
        });
        if (vmi.Status is not null && ApiJson.Serialize(status) == ApiJson.Serialize(vmi.Status))
        {
            return;
        }

        await writer.ReplaceVmiStatusAsync(copy, cancellationToken);
        LogUnschedulable(logger, vmi.Metadata.NamespaceProperty, vmi.Metadata.Name, message);
        await RecordAsync(vmi, ControllerMessages.FailedScheduling, message, cancellationToken);
    }

    private async Task<ReconciliationResult> WatchNodeAsync(VirtualMachineInstance vmi, CancellationToken cancellationToken)
    {
        var nodeName = vmi.Status!.NodeName!;
        var now = time.GetUtcNow();
        var node = nodes.Cache.Get(null, nodeName);
        var age = node is null ? null : NodeHeartbeat.Age(node, now);
        var timeout = options.Value.NodeFailureTimeout;
        if (age is { } known && known <= timeout)
        {
            return ReconciliationResult.Success(timeout - known + TimeSpan.FromMilliseconds(100));
        }

        // When no node at all has a fresh heartbeat, the API server or the network is the likelier culprit than every
        // node at once (kube-controller-manager's full disruption rule): nothing is failed until some handler beats again.
        var alive = timeout < options.Value.HeartbeatStaleness ? timeout : options.Value.HeartbeatStaleness;
        if (!nodes.Cache.List().Any(other => NodeHeartbeat.HasHandler(other) && NodeHeartbeat.IsFresh(other, now, alive)))
        {
            LogFullDisruption(logger, vmi.Metadata.NamespaceProperty, vmi.Metadata.Name, nodeName);
            return ReconciliationResult.Success(FullDisruptionRetry);
        }

        var failed = VirtualMachineInstanceFactory.Copy(vmi);
        failed.Status!.Phase = VirtualMachineInstancePhase.Failed;
        failed.Status.Reason = ControllerMessages.NodeUnresponsive;
        await writer.ReplaceVmiStatusAsync(failed, cancellationToken);
        LogNodeUnresponsive(logger, vmi.Metadata.NamespaceProperty, vmi.Metadata.Name, nodeName);
        await RecordAsync(vmi, ControllerMessages.NodeUnresponsive, ControllerMessages.HandlerUnresponsive(nodeName), cancellationToken);
        return ReconciliationResult.Success();
    }

    // An unchanged condition (status, reason, message) keeps its times, so an unchanged VMI is not written again.
    private static void SetCondition(VirtualMachineInstanceStatus status, VirtualMachineInstanceCondition condition)
    {
        var conditions = status.Conditions?.ToList() ?? [];
        var index = conditions.FindIndex(c => c.Type == condition.Type);
        if (index < 0)
        {
            conditions.Add(condition);
        }
        else if (conditions[index].Status != condition.Status || conditions[index].Reason != condition.Reason || conditions[index].Message != condition.Message)
        {
            conditions[index] = condition;
        }

        status.Conditions = conditions;
    }

    private Task RecordAsync(VirtualMachineInstance vmi, string reason, string message, CancellationToken cancellationToken) =>
        events.RecordAsync(
            new LifecycleEvent(vmi.Metadata.NamespaceProperty, VirtualMachineInstance.KubeKind, vmi.Metadata.Name, vmi.Metadata.Uid, reason, message,
                ControllerMessages.EventType(reason)),
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled VMI {Namespace}/{Name} to node {Node}")]
    private static partial void LogScheduled(ILogger logger, string @namespace, string name, string node);

    [LoggerMessage(Level = LogLevel.Information, Message = "VMI {Namespace}/{Name} is unschedulable: {Message}")]
    private static partial void LogUnschedulable(ILogger logger, string @namespace, string name, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "VMI {Namespace}/{Name}: the handler of node {Node} is silent, but so are all handlers; not failing it")]
    private static partial void LogFullDisruption(ILogger logger, string @namespace, string name, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "VMI {Namespace}/{Name} failed: the handler of node {Node} stopped heartbeating")]
    private static partial void LogNodeUnresponsive(ILogger logger, string @namespace, string name, string node);
}
