using VmLifecycle.LocalCluster.Errors;

namespace VmLifecycle.LocalCluster.Security.Authorization;

/// <summary>
/// kube-apiserver's words for a denied request (apiserver endpoints/handlers/responsewriters/errors.go
/// forbiddenMessage and apimachinery errors.NewForbidden), so kubectl prints what it prints against a real cluster.
/// </summary>
internal static class ForbiddenMessages
{
    /// <summary>"User "jane" cannot update resource "virtualmachines/start" in API group "subresources.kubevirt.io" in the namespace "default"".</summary>
    public static string Describe(RequestAttributes attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var user = attributes.User.Name;
        if (!attributes.IsResourceRequest)
        {
            return $"User \"{user}\" cannot {attributes.Verb} path \"{attributes.Path}\"";
        }

        var resource = attributes.Subresource.Length > 0
            ? $"{attributes.Resource}/{attributes.Subresource}"
            : attributes.Resource;
        return attributes.Namespace.Length > 0
            ? $"User \"{user}\" cannot {attributes.Verb} resource \"{resource}\" in API group \"{attributes.ApiGroup}\" in the namespace \"{attributes.Namespace}\""
            : $"User \"{user}\" cannot {attributes.Verb} resource \"{resource}\" in API group \"{attributes.ApiGroup}\" at the cluster scope";
    }

    /// <summary>
    /// The Status message: "virtualmachines.subresources.kubevirt.io "my-vm" is forbidden: User ...", with ": reason" when the
    /// authorizer gave one. Non-resource requests read "forbidden: User "x" cannot get path "/y"".
    /// </summary>
    public static string StatusMessage(RequestAttributes attributes, string reason)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var cause = reason.Length > 0 ? $"{Describe(attributes)}: {reason}" : Describe(attributes);
        var resource = attributes.IsResourceRequest ? QualifiedResource(attributes) : "";
        if (resource.Length == 0)
        {
            return $"forbidden: {cause}";
        }

        return attributes.Name.Length > 0
            ? $"{resource} \"{attributes.Name}\" is forbidden: {cause}"
            : $"{resource} is forbidden: {cause}";
    }

    /// <summary>The 403 Status kube-apiserver answers; details carry name, group and the plural resource as kind.</summary>
    public static StatusException Status(RequestAttributes attributes, string reason)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return attributes.IsResourceRequest
            ? ApiStatus.Forbidden(attributes.Resource, attributes.ApiGroup, attributes.Name, StatusMessage(attributes, reason))
            : ApiStatus.Forbidden("", "", "", StatusMessage(attributes, reason));
    }

    private static string QualifiedResource(RequestAttributes attributes) =>
        attributes.ApiGroup.Length > 0 ? $"{attributes.Resource}.{attributes.ApiGroup}" : attributes.Resource;
}
