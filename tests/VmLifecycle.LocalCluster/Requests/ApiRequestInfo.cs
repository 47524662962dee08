namespace VmLifecycle.LocalCluster.Requests;

/// <summary>
/// What a request addresses, parsed from its path the way kube-apiserver's RequestInfoFactory does.
/// Empty strings, never null, for absent parts.
/// </summary>
internal sealed record ApiRequestInfo(
    bool IsResourceRequest,
    string Path,
    string Verb,
    string Group,
    string Version,
    string Namespace,
    string Resource,
    string Subresource,
    string Name)
{
    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public static ApiRequestInfo NonResource(string path, string verb) => new(false, path, verb, "", "", "", "", "", "");
}
