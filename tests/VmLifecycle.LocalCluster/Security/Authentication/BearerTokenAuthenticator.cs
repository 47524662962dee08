namespace VmLifecycle.LocalCluster.Security.Authentication;

/// <summary>
/// kube-apiserver's bearer token authenticator (authentication/request/bearertoken) over the static token file:
/// "Authorization: Bearer TOKEN" (scheme case-insensitive); an unknown token is an error ("invalid bearer token").
/// </summary>
internal sealed class BearerTokenAuthenticator(IReadOnlyDictionary<string, UserInfo> tokens)
{
    public AuthenticationOutcome Authenticate(string? authorizationHeader)
    {
        var header = authorizationHeader?.Trim() ?? "";
        var parts = header.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].Equals("bearer", StringComparison.OrdinalIgnoreCase) || parts[1].Length == 0)
        {
            return AuthenticationOutcome.NoCredentials;
        }

        return tokens.TryGetValue(parts[1], out var user)
            ? AuthenticationOutcome.Authenticated(user)
            : AuthenticationOutcome.Rejected("invalid bearer token");
    }
}
