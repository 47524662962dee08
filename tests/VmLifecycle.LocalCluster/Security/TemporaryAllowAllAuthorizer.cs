namespace VmLifecycle.LocalCluster.Security;

/// <summary>TEMPORARY authorizer until the RBAC authorizer lands: allows every request. Replace its registration in <see cref="Serving.LocalClusterApp"/>.</summary>
internal sealed class TemporaryAllowAllAuthorizer : IAuthorizer
{
    public AuthorizationDecision Authorize(RequestAttributes attributes) => AuthorizationDecision.Allow("temporary allow-all authorizer");
}
