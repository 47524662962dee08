namespace VmLifecycle.Aggregator.Kubernetes;

/// <summary>metav1.Preconditions: the delete applies only to exactly this version of the object.</summary>
internal sealed record DeletePreconditions(string? Uid, string? ResourceVersion);
