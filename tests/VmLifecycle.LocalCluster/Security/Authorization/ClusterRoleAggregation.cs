using k8s.Models;

namespace VmLifecycle.LocalCluster.Security.Authorization;

/// <summary>
/// What kube-controller-manager's clusterrole-aggregation controller writes: each ClusterRole with an aggregationRule
/// gets the rules of every other ClusterRole its selectors match, selectors in order, matched roles by name, no
/// duplicate rules. Repeated until nothing changes, so chains (view → edit → admin) settle as the controller's
/// successive syncs would.
/// </summary>
internal static class ClusterRoleAggregation
{
    /// <summary>
    /// Returns the aggregating roles whose rules differ from what is stored, as copies carrying the new rules;
    /// the store writes these back. Roles without an aggregationRule are never returned.
    /// </summary>
    public static IReadOnlyList<V1ClusterRole> Aggregate(IEnumerable<V1ClusterRole> clusterRoles)
    {
        ArgumentNullException.ThrowIfNull(clusterRoles);
        var roles = clusterRoles
            .OrderBy(r => r.Metadata?.Name, StringComparer.Ordinal)
            .ToDictionary(r => r.Metadata?.Name ?? "", r => (Role: r, Rules: (IList<V1PolicyRule>)[.. r.Rules ?? []]), StringComparer.Ordinal);
        var aggregating = roles.Keys.Where(name => roles[name].Role.AggregationRule is not null).ToList();

        // Each pass can only add rules that exist somewhere, so a fixed point is reached within roles.Count passes.
        for (var pass = 0; pass <= roles.Count; pass++)
        {
            var changed = false;
            foreach (var name in aggregating)
            {
                var rules = AggregatedRules(name, roles[name].Role.AggregationRule!, roles);
                if (!SameRules(rules, roles[name].Rules))
                {
                    roles[name] = (roles[name].Role, rules);
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return [.. aggregating
            .Where(name => !SameRules(roles[name].Rules, roles[name].Role.Rules ?? []))
            .Select(name => WithRules(roles[name].Role, roles[name].Rules))];
    }

    private static List<V1PolicyRule> AggregatedRules(
        string name, V1AggregationRule rule, Dictionary<string, (V1ClusterRole Role, IList<V1PolicyRule> Rules)> roles)
    {
        var result = new List<V1PolicyRule>();
        foreach (var selector in rule.ClusterRoleSelectors ?? [])
        {
            foreach (var otherName in roles.Keys.Order(StringComparer.Ordinal))
            {
                var other = roles[otherName];
                if (otherName == name || !LabelSelectorMatching.Matches(selector, other.Role.Metadata?.Labels))
                {
                    continue;
                }

                foreach (var candidate in other.Rules.Where(candidate => !result.Any(existing => SameRule(existing, candidate))))
                {
                    result.Add(candidate);
                }
            }
        }

        return result;
    }

    private static V1ClusterRole WithRules(V1ClusterRole role, IList<V1PolicyRule> rules) => new()
    {
        ApiVersion = role.ApiVersion,
        Kind = role.Kind,
        Metadata = role.Metadata,
        AggregationRule = role.AggregationRule,
        Rules = [.. rules],
    };

    private static bool SameRules(IList<V1PolicyRule> left, IList<V1PolicyRule> right) =>
        left.Count == right.Count && left.Zip(right).All(pair => SameRule(pair.First, pair.Second));

    /// <summary>Field-by-field equality, order included, as the controller's reflect.DeepEqual.</summary>
    public static bool SameRule(V1PolicyRule left, V1PolicyRule right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return Same(left.Verbs, right.Verbs)
            && Same(left.ApiGroups, right.ApiGroups)
            && Same(left.Resources, right.Resources)
            && Same(left.ResourceNames, right.ResourceNames)
            && Same(left.NonResourceURLs, right.NonResourceURLs);
    }

    private static bool Same(IList<string>? left, IList<string>? right) =>
        (left ?? []).SequenceEqual(right ?? [], StringComparer.Ordinal);
}
