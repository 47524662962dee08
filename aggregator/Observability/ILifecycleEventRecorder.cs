namespace VmLifecycle.Aggregator.Observability;

/// <summary>Records lifecycle Events; a failure to record is logged, never fails the request.</summary>
internal interface ILifecycleEventRecorder
{
    Task RecordAsync(LifecycleEvent lifecycleEvent, CancellationToken cancellationToken);
}
