using VmLifecycle.Aggregator.Observability;

namespace VmLifecycle.Aggregator.Controllers;

/// <summary>
/// Event reasons and texts of the controllers that are the controllers' own (scheduling, node failure, create/delete
/// errors). The lifecycle messages of the KubeVirt reference are in api/'s KubeVirtMessages.
/// </summary>
internal static class ControllerMessages
{
    // KubeVirt's common.SuccessfulCreateVirtualMachineReason and friends.
    public const string SuccessfulCreate = "SuccessfulCreate";
    public const string SuccessfulDelete = "SuccessfulDelete";
    public const string FailedCreate = "FailedCreate";
    public const string FailedDelete = "FailedDelete";

    // VMI scheduling and node failure (kube-scheduler's and KubeVirt node controller's reasons).
    public const string Scheduling = "Scheduling";
    public const string Scheduled = "Scheduled";
    public const string FailedScheduling = "FailedScheduling";
    public const string NodeUnresponsive = "NodeUnresponsive";

    // Ready condition of a VM without a VMI, or whose VMI has no Ready condition (virt-controller's syncReadyConditionFromVMI).
    public const string VmiNotExistsReason = "VMINotExists";
    public const string VmiNotExistsMessage = "VMI does not exist";
    public const string VmiConditionMissingReason = "VMIConditionMissing";
    public const string VmiConditionMissingMessage = "VMI is missing the Ready condition";

    /// <summary>
    /// The core/v1 Event type of a controller event: Warning for failures (FailedScheduling as kube-scheduler records it,
    /// FailedCreate, FailedDelete and NodeUnresponsive as KubeVirt does), Normal otherwise.
    /// </summary>
    public static string EventType(string reason) =>
        reason is FailedScheduling or FailedCreate or FailedDelete or NodeUnresponsive ? LifecycleEventTypes.Warning : LifecycleEventTypes.Normal;

    public static string FailedCreating(string error) => $"Error creating virtual machine instance: {error}";

    public static string FailedDeleting(string vmiName, string error) => $"Error deleting virtual machine instance {vmiName}: {error}";

    public static string SchedulingStarted(string node) => $"Scheduling the VirtualMachineInstance to node {node}";

    public static string Assigned(string @namespace, string name, string node) => $"Successfully assigned {@namespace}/{name} to {node}";

    public static string HandlerUnresponsive(string node) => $"The handler of node {node} is not responsive, marking VMI as failed";
}
