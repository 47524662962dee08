namespace VmLifecycle.LocalCluster.Security;

/// <summary>kube-apiserver's 403 text (apiserver/pkg/endpoints/handlers/responsewriters/errors.go forbiddenMessage).</summary>
internal static class ForbiddenMessage
{
    public static string For(RequestAttributes attributes, string reason)
    {
        var user = attributes.User.Name;
        if (!attributes.IsResourceRequest)
        {
            return "forbidden: " + Append($"User \"{user}\" cannot {attributes.Verb} path \"{attributes.Path}\"", reason);
        }

        var resource = attributes.Subresource.Length > 0 ? $"{attributes.Resource}/{attributes.Subresource}" : attributes.Resource;
        var scope = attributes.Namespace.Length > 0 ? $"in the namespace \"{attributes.Namespace}\"" : "at the cluster scope";
        var qualified = attributes.Name.Length > 0 ? $"{QualifiedResource(attributes)} \"{attributes.Name}\"" : QualifiedResource(attributes);
        return Append($"{qualified} is forbidden: User \"{user}\" cannot {attributes.Verb} resource \"{resource}\" in API group \"{attributes.ApiGroup}\" {scope}", reason);
    }

    private static string QualifiedResource(RequestAttributes attributes) =>
        attributes.ApiGroup.Length > 0 ? $"{attributes.Resource}.{attributes.ApiGroup}" : attributes.Resource;

    private static string Append(string message, string reason) => reason.Length > 0 ? $"{message}: {reason}" : message;
}
