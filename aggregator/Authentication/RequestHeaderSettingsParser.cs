using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace VmLifecycle.Aggregator.Authentication;

/// <summary>
/// Reads the data of ConfigMap kube-system/extension-apiserver-authentication. List values are JSON arrays inside
/// strings (<c>["X-Remote-User"]</c>), as k8s.io/apiserver writes and reads them.
/// </summary>
internal static class RequestHeaderSettingsParser
{
    public const string ClientCaKey = "requestheader-client-ca-file";
    public const string AllowedNamesKey = "requestheader-allowed-names";
    public const string UsernameHeadersKey = "requestheader-username-headers";
    public const string UidHeadersKey = "requestheader-uid-headers";
    public const string GroupHeadersKey = "requestheader-group-headers";
    public const string ExtraHeadersPrefixKey = "requestheader-extra-headers-prefix";

    /// <exception cref="FormatException">A list is not a JSON array of strings, or the CA is not PEM.</exception>
    public static RequestHeaderSettings Parse(IDictionary<string, string>? data, string version)
    {
        data ??= new Dictionary<string, string>();
        var authorities = new X509Certificate2Collection();
        if (data.TryGetValue(ClientCaKey, out var pem) && !string.IsNullOrWhiteSpace(pem))
        {
            try
            {
                authorities.ImportFromPem(pem);
            }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                throw new FormatException($"{ClientCaKey} is not a PEM certificate bundle: {e.Message}", e);
            }
        }

        return new RequestHeaderSettings(
            authorities,
            List(data, AllowedNamesKey) ?? [],
            List(data, UsernameHeadersKey) ?? RequestHeaderSettings.DefaultUsernameHeaders,
            List(data, UidHeadersKey) ?? RequestHeaderSettings.DefaultUidHeaders,
            List(data, GroupHeadersKey) ?? RequestHeaderSettings.DefaultGroupHeaders,
            List(data, ExtraHeadersPrefixKey) ?? RequestHeaderSettings.DefaultExtraHeaderPrefixes,
            version);
    }

    private static List<string>? List(IDictionary<string, string> data, string key)
    {
        if (!data.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"{key} is not a JSON array: {text}");
            }

            return document.RootElement.EnumerateArray()
                .Select(item => item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new FormatException($"{key} holds a non-string: {text}"))
                .Where(item => item.Length > 0)
                .ToList();
        }
        catch (JsonException e)
        {
            throw new FormatException($"{key} is not JSON: {e.Message}", e);
        }
    }
}
