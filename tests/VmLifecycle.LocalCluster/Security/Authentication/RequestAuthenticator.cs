using System.Security.Cryptography.X509Certificates;

namespace VmLifecycle.LocalCluster.Security.Authentication;

/// <summary>
/// kube-apiserver's authenticator chain: client certificate, then bearer token; the first that accepts wins, and
/// if none does while one rejected its credentials the request is unauthenticated (401), never anonymous.
/// Authenticated users get system:authenticated (authentication/group AuthenticatedGroupAdder).
/// </summary>
internal sealed class RequestAuthenticator(
    ClientCertificateAuthenticator certificates,
    BearerTokenAuthenticator tokens,
    bool allowAnonymous)
{
    public static RequestAuthenticator Create(ClusterAuthenticationOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tokenUsers = options.TokenFilePath is null
            ? new Dictionary<string, UserInfo>()
            : StaticTokenFile.Load(options.TokenFilePath);
        return new RequestAuthenticator(
            new ClientCertificateAuthenticator(options.ClientCaCertificates, timeProvider),
            new BearerTokenAuthenticator(tokenUsers),
            options.AllowAnonymous);
    }

    public AuthenticationOutcome Authenticate(X509Certificate2? clientCertificate, string? authorizationHeader)
    {
        var outcomes = new[] { certificates.Authenticate(clientCertificate), tokens.Authenticate(authorizationHeader) };
        if (outcomes.FirstOrDefault(o => o.Succeeded)?.User is { } user)
        {
            return AuthenticationOutcome.Authenticated(WithAuthenticatedGroup(user));
        }

        var errors = outcomes.Where(o => o.Failed).Select(o => o.Error).ToList();
        if (errors.Count > 0)
        {
            return AuthenticationOutcome.Rejected(string.Join("; ", errors));
        }

        return allowAnonymous
            ? AuthenticationOutcome.Authenticated(UserInfo.Create(UserInfo.AnonymousUser, UserInfo.UnauthenticatedGroup))
            : AuthenticationOutcome.NoCredentials;
    }

    private static UserInfo WithAuthenticatedGroup(UserInfo user) =>
        user.Groups.Contains(UserInfo.AuthenticatedGroup) || user.Name == UserInfo.AnonymousUser
            ? user
            : user with { Groups = [.. user.Groups, UserInfo.AuthenticatedGroup] };
}
