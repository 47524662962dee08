using System.Text.Json;
using k8s.Models;

namespace VmLifecycle.LocalCluster.Aggregation;

/// <summary>
/// ConfigMap kube-system/extension-apiserver-authentication as kube-apiserver publishes it for extension API servers
/// (k8s.io/apiserver authentication_dynamic_request_header.go): the client CA, the requestheader CA, the allowed
/// front-proxy names and header names; list values are JSON arrays inside strings.
/// </summary>
internal static class ExtensionApiServerAuthentication
{
    public const string Name = "extension-apiserver-authentication";
    public const string Namespace = "kube-system";
    public const string FrontProxyClientName = "front-proxy-client";

    public static IDictionary<string, string> Data(string clientCaPem, string requestHeaderCaPem) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["client-ca-file"] = clientCaPem,
        ["requestheader-client-ca-file"] = requestHeaderCaPem,
        ["requestheader-allowed-names"] = JsonArray(FrontProxyClientName),
        ["requestheader-username-headers"] = JsonArray(RemoteUserHeaders.UserHeader),
        ["requestheader-uid-headers"] = JsonArray(RemoteUserHeaders.UidHeader),
        ["requestheader-group-headers"] = JsonArray(RemoteUserHeaders.GroupHeader),
        ["requestheader-extra-headers-prefix"] = JsonArray(RemoteUserHeaders.ExtraHeaderPrefix),
    };

    public static V1ConfigMap ConfigMap(string clientCaPem, string requestHeaderCaPem) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = Namespace },
        Data = Data(clientCaPem, requestHeaderCaPem),
    };

    private static string JsonArray(params string[] values) => JsonSerializer.Serialize(values);
}
