namespace VmLifecycle.LocalCluster.Security.Authentication;

/// <summary>
/// One thing a caller asks to act as (filters/impersonation.go buildImpersonationRequests), each authorized on its
/// own as verb "impersonate": a user, a service account, a group, one value of an extra key, or a uid.
/// </summary>
internal sealed record ImpersonationRequest(ImpersonationKind Kind, string Name, string Namespace = "", string ExtraKey = "")
{
    private const string AuthenticationGroup = "authentication.k8s.io";

    /// <summary>The RBAC attributes kube-apiserver checks for this request on behalf of the real requester.</summary>
    public RequestAttributes ToAttributes(UserInfo requester) => Kind switch
    {
        ImpersonationKind.User => Attributes(requester, "", "users", "", ""),
        ImpersonationKind.ServiceAccount => Attributes(requester, "", "serviceaccounts", "", Namespace),
        ImpersonationKind.Group => Attributes(requester, "", "groups", "", ""),
        ImpersonationKind.UserExtra => Attributes(requester, AuthenticationGroup, "userextras", ExtraKey, ""),
        ImpersonationKind.Uid => Attributes(requester, AuthenticationGroup, "uids", "", ""),
        _ => throw new InvalidOperationException($"Unknown impersonation kind {Kind}."),
    };

    private RequestAttributes Attributes(UserInfo requester, string group, string resource, string subresource, string @namespace) =>
        new(requester, "impersonate", IsResourceRequest: true, Path: "", group, group.Length == 0 ? "" : "v1", resource, subresource, @namespace, Name);
}
