namespace VmLifecycle.Aggregator.Observability;

/// <summary>A Kubernetes Event about a lifecycle action on a VirtualMachine or VirtualMachineInstance.</summary>
internal sealed record LifecycleEvent(
    string Namespace,
    string InvolvedKind,
    string InvolvedName,
    string? InvolvedUid,
    string Reason,
    string Message);
