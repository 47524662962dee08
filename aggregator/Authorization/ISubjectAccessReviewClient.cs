namespace VmLifecycle.Aggregator.Authorization;

/// <summary>Asks the cluster whether a request is allowed (POST subjectaccessreviews.authorization.k8s.io).</summary>
internal interface ISubjectAccessReviewClient
{
    /// <summary>Allowed only when the review says allowed and not denied; no opinion is a denial.</summary>
    /// <exception cref="Exception">The review could not be made; callers answer 500 and cache nothing.</exception>
    Task<AccessDecision> ReviewAsync(ResourceAccessRequest request, CancellationToken cancellationToken);
}
