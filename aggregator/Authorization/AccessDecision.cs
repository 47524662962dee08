namespace VmLifecycle.Aggregator.Authorization;

/// <summary>A SubjectAccessReview's answer; <paramref name="Reason"/> is the authorizer's explanation, often empty.</summary>
internal sealed record AccessDecision(bool Allowed, string Reason)
{
    public static readonly AccessDecision AllowedForMasters = new(true, "");
}
