using System.Text.Json;
using VmLifecycle.Aggregator.Authentication;

namespace VmLifecycle.Aggregator.Authorization;

/// <summary>What a SubjectAccessReview asks: may this user do this verb on this (sub)resource.</summary>
internal sealed record ResourceAccessRequest(
    AuthenticatedUser User,
    string Verb,
    string Group,
    string Version,
    string Resource,
    string Subresource,
    string Namespace,
    string Name)
{
    /// <summary>The whole review spec as a canonical string (extra keys sorted), so that equal specs share a cache entry.</summary>
    public string CacheKey()
    {
        var extra = User.Extra.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => new object[] { pair.Key, pair.Value });
        return JsonSerializer.Serialize(new object?[]
        {
            User.Name, User.Uid, User.Groups, extra, Verb, Group, Version, Resource, Subresource, Namespace, Name,
        });
    }

    /// <summary>"resource" or "resource/subresource", as authorization messages name it.</summary>
    public string ResourcePath => Subresource.Length == 0 ? Resource : $"{Resource}/{Subresource}";

    /// <summary>Maps an HTTP method to the verb of a named resource request (k8s.io/apiserver's RequestInfoFactory).</summary>
    public static string VerbFor(string method) => method.ToUpperInvariant() switch
    {
        "PUT" => "update",
        "GET" or "HEAD" => "get",
        "POST" => "create",
        "PATCH" => "patch",
        "DELETE" => "delete",
        _ => method.ToLowerInvariant(),
    };
}
