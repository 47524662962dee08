using System.Security.Cryptography.X509Certificates;

namespace VmLifecycle.Aggregator.Authentication;

/// <summary>
/// kube-apiserver's request-header (front-proxy) settings: the CA its proxy client certificate chains to, the allowed
/// CNs of that certificate, and the names of the headers that carry the user.
/// </summary>
/// <param name="Version">Where the settings came from (the ConfigMap's resourceVersion), for logs and health.</param>
internal sealed record RequestHeaderSettings(
    X509Certificate2Collection ClientCertificateAuthorities,
    IReadOnlyList<string> AllowedNames,
    IReadOnlyList<string> UsernameHeaders,
    IReadOnlyList<string> UidHeaders,
    IReadOnlyList<string> GroupHeaders,
    IReadOnlyList<string> ExtraHeaderPrefixes,
    string Version)
{
    public static readonly IReadOnlyList<string> DefaultUsernameHeaders = ["X-Remote-User"];
    public static readonly IReadOnlyList<string> DefaultUidHeaders = ["X-Remote-Uid"];
    public static readonly IReadOnlyList<string> DefaultGroupHeaders = ["X-Remote-Group"];
    public static readonly IReadOnlyList<string> DefaultExtraHeaderPrefixes = ["X-Remote-Extra-"];

    /// <summary>Settings with the standard header names, for a CA read from a file.</summary>
    public static RequestHeaderSettings WithDefaultHeaders(X509Certificate2Collection authorities, string version) =>
        new(authorities, [], DefaultUsernameHeaders, DefaultUidHeaders, DefaultGroupHeaders, DefaultExtraHeaderPrefixes, version);
}
