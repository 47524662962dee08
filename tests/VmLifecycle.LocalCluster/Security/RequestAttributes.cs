namespace VmLifecycle.LocalCluster.Security;

/// <summary>
/// What a request asks to do, in the terms RBAC decides on (kube-apiserver's authorizer.Attributes).
/// For resource requests, Resource/Subresource/Namespace/Name are set; otherwise Path is.
/// Empty strings, never null, for absent parts.
/// </summary>
internal sealed record RequestAttributes(
    UserInfo User,
    string Verb,
    bool IsResourceRequest,
    string Path,
    string ApiGroup,
    string ApiVersion,
    string Resource,
    string Subresource,
    string Namespace,
    string Name);
