using VmLifecycle.Aggregator.Responses;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>
/// What a start, stop or restart request leads to, decided from the VM and VMI as read: a refusal, or the patches to
/// apply in order and the Event reason to record.
/// </summary>
internal sealed record LifecycleDecision(StatusFailure? Failure, IReadOnlyList<PlannedPatch> Patches, string EventReason)
{
    public static LifecycleDecision Refuse(StatusFailure failure) => new(failure, [], "");

    public static LifecycleDecision Apply(string eventReason, params IEnumerable<PlannedPatch?> patches) =>
        new(null, patches.OfType<PlannedPatch>().ToList(), eventReason);
}
