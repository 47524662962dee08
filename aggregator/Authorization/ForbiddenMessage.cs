namespace VmLifecycle.Aggregator.Authorization;

/// <summary>
/// kube-apiserver's forbidden text (responsewriters.forbiddenMessage wrapped by errors.NewForbidden), for example
/// <c>virtualmachines.subresources.kubevirt.io "my-vm" is forbidden: User "jane" cannot update resource "virtualmachines/start" in API group "subresources.kubevirt.io" in the namespace "default"</c>.
/// </summary>
internal static class ForbiddenMessage
{
    public static string For(ResourceAccessRequest request, string reason)
    {
        var qualifiedResource = request.Group.Length == 0 ? request.Resource : $"{request.Resource}.{request.Group}";
        var subject = request.Name.Length == 0 ? qualifiedResource : $"{qualifiedResource} \"{request.Name}\"";
        var scope = request.Namespace.Length == 0 ? " at the cluster scope" : $" in the namespace \"{request.Namespace}\"";
        var message = $"{subject} is forbidden: User \"{request.User.Name}\" cannot {request.Verb} resource \"{request.ResourcePath}\" in API group \"{request.Group}\"{scope}";
        return reason.Length == 0 ? message : $"{message}: {reason}";
    }
}
