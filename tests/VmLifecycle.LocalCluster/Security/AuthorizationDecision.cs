namespace VmLifecycle.LocalCluster.Security;

/// <summary>The answer of an authorizer; Reason explains a denial or names the rule that allowed.</summary>
internal sealed record AuthorizationDecision(bool Allowed, string Reason)
{
    public static AuthorizationDecision Allow(string reason) => new(true, reason);

    public static AuthorizationDecision Deny(string reason) => new(false, reason);
}
