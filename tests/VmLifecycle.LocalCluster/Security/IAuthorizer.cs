namespace VmLifecycle.LocalCluster.Security;

/// <summary>Decides whether a request may proceed (RBAC in the local cluster).</summary>
internal interface IAuthorizer
{
    AuthorizationDecision Authorize(RequestAttributes attributes);
}
