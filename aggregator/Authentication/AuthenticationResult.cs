namespace VmLifecycle.Aggregator.Authentication;

/// <summary>The outcome of front-proxy authentication: a user, or why the caller is not trusted (for logs only).</summary>
internal sealed record AuthenticationResult(AuthenticatedUser? User, string? FailureReason)
{
    public static AuthenticationResult Success(AuthenticatedUser user) => new(user, null);

    public static AuthenticationResult Failure(string reason) => new(null, reason);
}
