namespace VmLifecycle.Aggregator.Observability;

/// <summary>A Kubernetes Event about a lifecycle action on a VirtualMachine or VirtualMachineInstance.</summary>
/// <param name="Type">The core/v1 Event type: <see cref="LifecycleEventTypes.Normal"/> or <see cref="LifecycleEventTypes.Warning"/>.</param>
internal sealed record LifecycleEvent(
    string Namespace,
    string InvolvedKind,
    string InvolvedName,
    string? InvolvedUid,
    string Reason,
    string Message,
    string Type = LifecycleEventTypes.Normal);

/// <summary>core/v1 Event types (k8s.io/api/core/v1 EventTypeNormal and EventTypeWarning).</summary>
internal static class LifecycleEventTypes
{
    public const string Normal = "Normal";
    public const string Warning = "Warning";
}
