using System.Collections.Concurrent;
using VmLifecycle.Aggregator.Authorization;

namespace VmLifecycle.Aggregator.Tests.TestSupport;

/// <summary>Answers reviews by a rule; counts and keeps every review asked.</summary>
internal sealed class FakeSubjectAccessReviewClient(Func<ResourceAccessRequest, AccessDecision> decide) : ISubjectAccessReviewClient
{
    private readonly ConcurrentQueue<ResourceAccessRequest> _reviews = new();

    public IReadOnlyList<ResourceAccessRequest> Reviews => [.. _reviews];

    public Exception? Failure { get; set; }

    /// <summary>Allows the "edit" users everything; "view" users nothing of the lifecycle subresources.</summary>
    public static FakeSubjectAccessReviewClient EditAllowed() =>
        new(request => new AccessDecision(request.User.Groups.Contains("editors") || request.User.Name == "jane", ""));

    public Task<AccessDecision> ReviewAsync(ResourceAccessRequest request, CancellationToken cancellationToken)
    {
        _reviews.Enqueue(request);
        return Failure is null ? Task.FromResult(decide(request)) : Task.FromException<AccessDecision>(Failure);
    }
}
