using Microsoft.Extensions.Primitives;
using VmLifecycle.LocalCluster.Errors;

namespace VmLifecycle.LocalCluster.Security.Authentication;

/// <summary>
/// kube-apiserver's impersonation filter (k8s.io/apiserver endpoints/filters/impersonation.go): reads the
/// Impersonate-* headers, authorizes each requested identity as verb "impersonate" for the real user, and
/// yields the user the request then runs as. kubectl's --as, --as-group and --as-uid send these headers.
/// </summary>
internal sealed class Impersonation(IAuthorizer authorizer)
{
    public const string UserHeader = "Impersonate-User";
    public const string GroupHeader = "Impersonate-Group";
    public const string UidHeader = "Impersonate-Uid";
    public const string ExtraHeaderPrefix = "Impersonate-Extra-";

    /// <summary>The impersonation requests in kube's order: user (or service account), groups, extras, uid.</summary>
    public static IReadOnlyList<ImpersonationRequest> Requests(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var requests = new List<ImpersonationRequest>();
        var user = headers[UserHeader].ToString();
        if (user.Length > 0)
        {
            requests.Add(ServiceAccountIdentity.TrySplit(user, out var ns, out var name)
                ? new ImpersonationRequest(ImpersonationKind.ServiceAccount, name, ns)
                : new ImpersonationRequest(ImpersonationKind.User, user));
        }

        requests.AddRange(Values(headers[GroupHeader]).Select(g => new ImpersonationRequest(ImpersonationKind.Group, g)));
        foreach (var (header, values) in headers)
        {
            if (header.StartsWith(ExtraHeaderPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var key = ExtraKey(header[ExtraHeaderPrefix.Length..]);
                requests.AddRange(Values(values).Select(v => new ImpersonationRequest(ImpersonationKind.UserExtra, v, ExtraKey: key)));
            }
        }

        var uid = headers[UidHeader].ToString();
        if (uid.Length > 0)
        {
            requests.Add(new ImpersonationRequest(ImpersonationKind.Uid, uid));
        }

        return requests;
    }

    /// <summary>
    /// The user to act as, or the Status to answer: 403 when an impersonation is not allowed, 500 (as kube-apiserver)
    /// when groups, extras or a uid are asked for without a user. Null user and null error: no impersonation.
    /// </summary>
    public (UserInfo? User, StatusException? Error) Resolve(UserInfo requester, IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(requester);
        var requests = Requests(headers);
        if (requests.Count == 0)
        {
            return (null, null);
        }

        if (requests[0].Kind is not (ImpersonationKind.User or ImpersonationKind.ServiceAccount))
        {
            var asked = string.Join(" ", requests.Select(r => $"{{{r.Kind} {r.Namespace} {r.Name}}}"));
            return (null, ApiStatus.InternalError($"requested [{asked}] without impersonating a user"));
        }

        var username = "";
        var uid = "";
        var groups = new List<string>();
        var extra = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var groupsSpecified = requests.Any(r => r.Kind == ImpersonationKind.Group);
        foreach (var request in requests)
        {
            var attributes = request.ToAttributes(requester);
            var decision = authorizer.Authorize(attributes);
            if (!decision.Allowed)
            {
                return (null, Authorization.ForbiddenMessages.Status(attributes, decision.Reason));
            }

            switch (request.Kind)
            {
                case ImpersonationKind.User:
                    username = request.Name;
                    break;
                case ImpersonationKind.ServiceAccount:
                    username = ServiceAccountIdentity.Username(request.Namespace, request.Name);
                    if (!groupsSpecified)
                    {
                        groups.AddRange(ServiceAccountIdentity.Groups(request.Namespace));
                    }

                    break;
                case ImpersonationKind.Group:
                    groups.Add(request.Name);
                    break;
                case ImpersonationKind.UserExtra:
                    if (!extra.TryGetValue(request.ExtraKey, out var values))
                    {
                        extra[request.ExtraKey] = values = [];
                    }

                    values.Add(request.Name);
                    break;
                case ImpersonationKind.Uid:
                    uid = request.Name;
                    break;
            }
        }

        var implicitGroup = username == UserInfo.AnonymousUser ? UserInfo.UnauthenticatedGroup : UserInfo.AuthenticatedGroup;
        if (!groups.Contains(implicitGroup))
        {
            groups.Add(implicitGroup);
        }

        var user = new UserInfo(username, groups, extra.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value)) { Uid = uid };
        return (user, null);
    }

    /// <summary>Removes the Impersonate-* headers once they have been acted on, as kube-apiserver does.</summary>
    public static void RemoveHeaders(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        foreach (var header in headers.Keys.Where(h => h.StartsWith("Impersonate-", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            headers.Remove(header);
        }
    }

    /// <summary>Extra keys are lower-cased and percent-unescaped; invalid escapes stay as sent.</summary>
    private static string ExtraKey(string escaped) => Uri.UnescapeDataString(escaped.ToLowerInvariant());

    private static IEnumerable<string> Values(StringValues values) => values.Where(v => !string.IsNullOrEmpty(v))!;
}
