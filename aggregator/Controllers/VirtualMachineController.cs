using System.Text.Json.Nodes;
using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Aggregator.Observability;
using VmLifecycle.Aggregator.Reconciliation;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.Serialization;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Controllers;

/// <summary>
/// virt-controller's VM controller (kubevirt-api.md §4): creates and deletes the VM's VMI as its run strategy and first
/// state change request say (<see cref="RunStrategyPolicy"/>), then writes the VM's status
/// (<see cref="VirtualMachineStatusBuilder"/>). A deleted VM's VMI goes with it through its ownerReference.
/// </summary>
internal sealed partial class VirtualMachineController(
    Informer<VirtualMachineInstance> vmis,
    KubeVirtObjectWriter writer,
    VirtualMachineExpectations expectations,
    StartFailureBackoff backoff,
    ILifecycleEventRecorder events,
    TimeProvider time,
    ILogger<VirtualMachineController> logger) : IEntityController<VirtualMachine>
{
    private static readonly TimeSpan CacheLagRetry = TimeSpan.FromSeconds(1);

    public async Task<ReconciliationResult> ReconcileAsync(VirtualMachine vm, CancellationToken cancellationToken)
    {
        var key = EntityKey.Of(vm);
        var vmi = vmis.Cache.Get(key);
        if (vmi is not null && !VirtualMachineInstanceFactory.IsControlledBy(vmi, vm))
        {
            // A VMI of another owner with this name, typically of an earlier VM of the same name being collected.
            LogForeignVmi(logger, key);
            return ReconciliationResult.Success(CacheLagRetry);
        }

        var startPending = expectations.IsCreationPending(key, vmi);
        var stopPending = expectations.IsDeletionPending(key, vmi);
        if (vm.Metadata.DeletionTimestamp is not null || startPending || stopPending)
        {
            await WriteStatusAsync(vm, vmi, null, startPending, stopPending, cancellationToken);
            return startPending || stopPending ? ReconciliationResult.Success(CacheLagRetry) : ReconciliationResult.Success();
        }

        var action = RunStrategyPolicy.Decide(vm, vmi);
        if (action == VmAction.CreateVmi && StartFailureBackoff.RetryIn(vm, time.GetUtcNow().UtcDateTime) is { } wait)
        {
            // Crash loop back-off: CrashLoopBackOff until retryAfterTimestamp, then this VM comes back through the queue.
            LogBackingOff(logger, key, vm.Status!.StartFailure!.ConsecutiveFailCount, wait);
            await WriteStatusAsync(vm, vmi, null, false, false, cancellationToken);
            return ReconciliationResult.Success(wait);
        }

        SyncFailure? failure = null;
        var stopExpected = false;
        switch (action)
        {
            case VmAction.CreateVmi:
                try
                {
                    var created = await writer.CreateVmiAsync(VirtualMachineInstanceFactory.Create(vm), cancellationToken);
                    expectations.ExpectCreation(key, created.Metadata.Uid);
                    vmi = created;
                    var runStrategy = RunStrategyPolicy.EffectiveRunStrategy(vm);
                    LogStarted(logger, key, runStrategy);
                    await RecordAsync(vm, ControllerMessages.SuccessfulCreate, KubeVirtMessages.StartedByCreatingInstance(created.Metadata.Name), cancellationToken);
                }
                catch (KubernetesApiException e) when (e.IsConflict)
                {
                    // Exists already: the VMI cache lags behind; the VMI's event brings this VM back.
                    return ReconciliationResult.Success(CacheLagRetry);
                }
                catch (KubernetesApiException e)
                {
                    failure = new SyncFailure(ConditionReasons.FailedCreate, $"Failure while starting VMI: {e.Message}");
                    await RecordAsync(vm, ControllerMessages.FailedCreate, ControllerMessages.FailedCreating(e.Message), cancellationToken);
                }

                break;

            case VmAction.DeleteVmiAndQueueStart:
                // The Start (and the start failure) go in first: were the VM status write to fail after the deletion,
                // RerunOnFailure would forget the restart and its back-off.
                await QueueStartAsync(vm, vmi!, cancellationToken);

                failure = await StopAsync(vm, vmi!, cancellationToken);
                return failure is null ? ReconciliationResult.Success() : ReconciliationResult.Failure(failure.Message);

            case VmAction.DeleteVmi:
                failure = await StopAsync(vm, vmi!, cancellationToken);
                stopExpected = failure is null;
                break;

            case VmAction.SwitchToAlways:
                await SwitchToAlwaysAsync(vm, cancellationToken);
                return ReconciliationResult.Success();
        }

        await WriteStatusAsync(vm, vmi, failure, false, stopExpected, cancellationToken);
        return failure is null
            ? ReconciliationResult.Success(backoff.ResetIn(vm, vmi, time.GetUtcNow().UtcDateTime))
            : ReconciliationResult.Failure(failure.Message);
    }

    public Task<ReconciliationResult> DeletedAsync(VirtualMachine vm, CancellationToken cancellationToken)
    {
        expectations.Forget(EntityKey.Of(vm));
        return Task.FromResult(ReconciliationResult.Success());
    }

    private async Task<SyncFailure?> StopAsync(VirtualMachine vm, VirtualMachineInstance vmi, CancellationToken cancellationToken)
    {
        var key = EntityKey.Of(vm);
        try
        {
            if (await writer.DeleteVmiAsync(vmi.Metadata.NamespaceProperty, vmi.Metadata.Name, vmi.Metadata.Uid, cancellationToken))
            {
                expectations.ExpectDeletion(key, vmi.Metadata.Uid);
                var phase = vmi.Phase();
                LogStopped(logger, key, vmi.Metadata.Uid, phase);
                await RecordAsync(vm, ControllerMessages.SuccessfulDelete, KubeVirtMessages.StoppedByDeletingInstance(vmi.Metadata.Uid), cancellationToken);
            }

            return null;
        }
        catch (KubernetesApiException e)
        {
            await RecordAsync(vm, ControllerMessages.FailedDelete, ControllerMessages.FailedDeleting(vmi.Metadata.Name, e.Message), cancellationToken);
            return new SyncFailure(ConditionReasons.FailedDelete, $"Failure attempting to delete VMI: {e.Message}");
        }
    }

    // KubeVirt's addStartRequest: the existing requests plus a Start, with the failed VMI counted in startFailure, guarded
    // by the resourceVersion read.
    private Task QueueStartAsync(VirtualMachine vm, VirtualMachineInstance failed, CancellationToken cancellationToken)
    {
        var hasStart = StateChangeRequests.HasStartRequest(vm);
        var startFailure = backoff.Sync(vm, vm.Status?.StartFailure, failed, time.GetUtcNow().UtcDateTime);
        var failureChanged = !ReferenceEquals(startFailure, vm.Status?.StartFailure);
        if (hasStart && !failureChanged)
        {
            return Task.CompletedTask;
        }

        var requests = hasStart
            ? vm.Status!.StateChangeRequests!.ToList()
            : (vm.Status?.StateChangeRequests ?? []).Append(new StateChangeRequest { Action = StateChangeRequestAction.Start }).ToList();
        var patch = new JsonPatch().Test("/metadata/resourceVersion", vm.Metadata.ResourceVersion);
        if (vm.Status is null)
        {
            var status = new JsonObject { ["stateChangeRequests"] = JsonPatch.Value(requests) };
            if (startFailure is not null)
            {
                status["startFailure"] = JsonPatch.Value(startFailure);
            }

            patch = patch.Add("/status", status);
        }
        else
        {
            patch = patch.Add("/status/stateChangeRequests", JsonPatch.Value(requests));
            if (failureChanged && startFailure is not null)
            {
                patch = patch.Add("/status/startFailure", JsonPatch.Value(startFailure));
            }
        }

        return writer.PatchVmStatusAsync(vm.Metadata.NamespaceProperty, vm.Metadata.Name, patch, cancellationToken);
    }

    // Halted with a Start request (a paused start of a halted VM): the spec turns to Always (or running=true), as virt-controller does.
    private Task SwitchToAlwaysAsync(VirtualMachine vm, CancellationToken cancellationToken)
    {
        var patch = new JsonPatch().Test("/metadata/resourceVersion", vm.Metadata.ResourceVersion);
        patch = vm.Spec.RunStrategy is not null || vm.Spec.Running is null
            ? patch.Add("/spec/runStrategy", JsonPatch.Value(RunStrategy.Always.ToString()))
            : patch.Replace("/spec/running", true);
        var key = EntityKey.Of(vm);
        LogSwitchedToAlways(logger, key);
        return writer.PatchVmAsync(vm.Metadata.NamespaceProperty, vm.Metadata.Name, patch, cancellationToken);
    }

    private async Task WriteStatusAsync(
        VirtualMachine vm, VirtualMachineInstance? vmi, SyncFailure? failure, bool startExpected, bool stopExpected, CancellationToken cancellationToken)
    {
        var copy = VirtualMachineInstanceFactory.Copy(vm);
        var status = copy.Status ?? new VirtualMachineStatus();
        var now = time.GetUtcNow().UtcDateTime;
        status.StartFailure = backoff.Sync(vm, status.StartFailure, vmi, now);
        VirtualMachineStatusBuilder.Apply(copy, status, vmi, failure, startExpected, stopExpected, now);
        if (vm.Status is not null && ApiJson.Serialize(status) == ApiJson.Serialize(vm.Status))
        {
            return;
        }

        copy.Status = status;
        try
        {
            await writer.ReplaceVmStatusAsync(copy, cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsConflict || e.IsNotFound)
        {
            // The VM changed (or went) meanwhile; its watch event brings it back with the new state.
        }
    }

    private Task RecordAsync(VirtualMachine vm, string reason, string message, CancellationToken cancellationToken) =>
        events.RecordAsync(new LifecycleEvent(vm.Metadata.NamespaceProperty, VirtualMachine.KubeKind, vm.Metadata.Name, vm.Metadata.Uid, reason, message, ControllerMessages.EventType(reason)),
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started VM {Key} by creating its VMI (runStrategy {RunStrategy})")]
    private static partial void LogStarted(ILogger logger, EntityKey key, RunStrategy runStrategy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped VM {Key} by deleting VMI {Uid} in phase {Phase}")]
    private static partial void LogStopped(ILogger logger, EntityKey key, string uid, VirtualMachineInstancePhase? phase);

    [LoggerMessage(Level = LogLevel.Information, Message = "VM {Key} is Halted with a start request: switching to Always")]
    private static partial void LogSwitchedToAlways(ILogger logger, EntityKey key);

    [LoggerMessage(Level = LogLevel.Information, Message = "VM {Key} is crash looping ({Count} consecutive failures): next start in {Wait}")]
    private static partial void LogBackingOff(ILogger logger, EntityKey key, int count, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "VM {Key}: a VMI of the same name belongs to another owner; waiting")]
    private static partial void LogForeignVmi(ILogger logger, EntityKey key);
}
