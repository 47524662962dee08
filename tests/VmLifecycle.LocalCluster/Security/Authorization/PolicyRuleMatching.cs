using k8s.Models;

namespace VmLifecycle.LocalCluster.Security.Authorization;

/// <summary>Whether one RBAC rule covers a request, exactly as kubernetes pkg/apis/rbac/v1 evaluation_helpers.go decides.</summary>
internal static class PolicyRuleMatching
{
    private const string All = "*";

    public static bool Allows(V1PolicyRule rule, RequestAttributes request)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(request);
        if (!VerbMatches(rule, request.Verb))
        {
            return false;
        }

        if (!request.IsResourceRequest)
        {
            return NonResourceUrlMatches(rule, request.Path);
        }

        var combinedResource = request.Subresource.Length > 0
            ? $"{request.Resource}/{request.Subresource}"
            : request.Resource;
        return ApiGroupMatches(rule, request.ApiGroup)
            && ResourceMatches(rule, combinedResource, request.Subresource)
            && ResourceNameMatches(rule, request.Name);
    }

    public static bool VerbMatches(V1PolicyRule rule, string verb) =>
        Values(rule.Verbs).Any(v => v == All || v == verb);

    public static bool ApiGroupMatches(V1PolicyRule rule, string group) =>
        Values(rule.ApiGroups).Any(g => g == All || g == group);

    public static bool ResourceMatches(V1PolicyRule rule, string combinedResource, string subresource)
    {
        foreach (var ruleResource in Values(rule.Resources))
        {
            if (ruleResource == All || ruleResource == combinedResource)
            {
                return true;
            }

            // "*/scale" covers the scale subresource of every resource.
            if (subresource.Length > 0
                && ruleResource.Length == subresource.Length + 2
                && ruleResource.StartsWith("*/", StringComparison.Ordinal)
                && ruleResource.EndsWith(subresource, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// No resourceNames means any name. Requests without a name (create, list, watch, deletecollection) never
    /// match a rule that lists names.
    /// </summary>
    public static bool ResourceNameMatches(V1PolicyRule rule, string name) =>
        rule.ResourceNames is null || rule.ResourceNames.Count == 0 || rule.ResourceNames.Contains(name);

    public static bool NonResourceUrlMatches(V1PolicyRule rule, string path)
    {
        foreach (var ruleUrl in Values(rule.NonResourceURLs))
        {
            if (ruleUrl == All || ruleUrl == path)
            {
                return true;
            }

            if (ruleUrl.EndsWith('*') && path.StartsWith(ruleUrl.TrimEnd('*'), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> Values(IList<string>? values) => values ?? [];
}
