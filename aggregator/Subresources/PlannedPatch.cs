using VmLifecycle.Aggregator.Kubernetes;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>One patch of a plan; <paramref name="Rollback"/> undoes it when a later patch of the plan fails.</summary>
internal sealed record PlannedPatch(PatchTarget Target, JsonPatch Patch, JsonPatch? Rollback = null);
