using System.Text;
using VmLifecycle.LocalCluster.Security;

namespace VmLifecycle.LocalCluster.Aggregation;

/// <summary>
/// The request-header identity kube-aggregator sends to extension API servers (client-go transport
/// SetAuthProxyHeaders): X-Remote-User, X-Remote-Uid, one X-Remote-Group line per group and
/// X-Remote-Extra-&lt;percent-escaped key&gt; per value, after dropping whatever the caller sent under those names.
/// </summary>
internal static class RemoteUserHeaders
{
    public const string UserHeader = "X-Remote-User";
    public const string UidHeader = "X-Remote-Uid";
    public const string GroupHeader = "X-Remote-Group";
    public const string ExtraHeaderPrefix = "X-Remote-Extra-";

    private static readonly HashSet<string> _notForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authorization", "Proxy-Authenticate",
        "TE", "Trailer", "Transfer-Encoding", "Content-Length", "Expect", "Upgrade", "Authorization",
    };

    /// <summary>
    /// The caller's headers minus credentials, impersonation, X-Remote-* and hop-by-hop headers (Upgrade kept for an
    /// upgrade), followed by the identity of <paramref name="user"/>.
    /// </summary>
    public static List<KeyValuePair<string, string>> ForwardedHeaders(IHeaderDictionary incoming, UserInfo user, bool upgrade)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(user);
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in incoming)
        {
            var keep = upgrade && name.Equals("Upgrade", StringComparison.OrdinalIgnoreCase)
                || !(_notForwarded.Contains(name)
                    || name.StartsWith(':')
                    || name.StartsWith("Impersonate-", StringComparison.OrdinalIgnoreCase)
                    || name.StartsWith("X-Remote-", StringComparison.OrdinalIgnoreCase));
            if (keep)
            {
                headers.AddRange(values.Where(v => v is not null).Select(v => new KeyValuePair<string, string>(name, v!)));
            }
        }

        headers.AddRange(IdentityHeaders(user));
        return headers;
    }

    public static IEnumerable<KeyValuePair<string, string>> IdentityHeaders(UserInfo user)
    {
        ArgumentNullException.ThrowIfNull(user);
        yield return new(UserHeader, user.Name);
        if (user.Uid.Length > 0)
        {
            yield return new(UidHeader, user.Uid);
        }

        foreach (var group in user.Groups)
        {
            yield return new(GroupHeader, group);
        }

        foreach (var (key, values) in user.Extra)
        {
            foreach (var value in values)
            {
                yield return new(ExtraHeaderPrefix + EscapeExtraKey(key), value);
            }
        }
    }

    /// <summary>client-go headerKeyEscape: every byte that is not an RFC 7230 token character, and '%', becomes %XX.</summary>
    public static string EscapeExtraKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var escaped = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            if (IsTokenByte(b) && b != (byte)'%')
            {
                escaped.Append((char)b);
            }
            else
            {
                escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }

    private static bool IsTokenByte(byte b) =>
        b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
        || "!#$%&'*+-.^_`|~".Contains((char)b, StringComparison.Ordinal);
}
