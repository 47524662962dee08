namespace VmLifecycle.LocalCluster.Security.Authentication;

/// <summary>
/// What one authenticator made of a request (k8s.io/apiserver authenticator.Request: user, ok, err): a user, no
/// credentials of its kind, or credentials it rejects. A rejection is an error: the request gets 401 unless
/// another authenticator accepts it, never anonymous.
/// </summary>
internal sealed record AuthenticationOutcome(UserInfo? User, string Error)
{
    public static AuthenticationOutcome NoCredentials { get; } = new(null, "");

    public bool Succeeded => User is not null;

    public bool Failed => User is null && Error.Length > 0;

    public static AuthenticationOutcome Authenticated(UserInfo user) => new(user, "");

    public static AuthenticationOutcome Rejected(string error) => new(null, error);
}
