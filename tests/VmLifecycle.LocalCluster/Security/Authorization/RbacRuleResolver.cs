using k8s.Models;

namespace VmLifecycle.LocalCluster.Security.Authorization;

/// <summary>
/// Walks the rules that apply to a user in a namespace in kube-apiserver's order (pkg/registry/rbac/validation
/// rule.go VisitRulesFor): every ClusterRoleBinding, then the RoleBindings of the namespace, which may reference
/// a Role of that namespace or a ClusterRole.
/// </summary>
internal sealed class RbacRuleResolver(IRbacObjectSource objects)
{
    private const string RbacGroup = "rbac.authorization.k8s.io";

    private static readonly Dictionary<string, V1Role> _noRoles = new(StringComparer.Ordinal);

    public IEnumerable<BoundRule> RulesFor(UserInfo user, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(user);
        var clusterRoles = ByName(objects.ClusterRoles(), r => r.Metadata?.Name);
        foreach (var binding in objects.ClusterRoleBindings())
        {
            var subject = AppliesTo(user, binding.Subjects, "");
            if (subject is null)
            {
                continue;
            }

            var source = $"ClusterRoleBinding \"{binding.Metadata?.Name}\" of {binding.RoleRef.Kind} \"{binding.RoleRef.Name}\" to {Describe(subject, "")}";
            foreach (var step in RoleReferenceRules(binding.RoleRef, clusterRoles, _noRoles, source))
            {
                yield return step;
            }
        }

        if (@namespace.Length == 0)
        {
            yield break;
        }

        var roles = ByName(objects.Roles(@namespace), r => r.Metadata?.Name);
        foreach (var binding in objects.RoleBindings(@namespace))
        {
            var subject = AppliesTo(user, binding.Subjects, @namespace);
            if (subject is null)
            {
                continue;
            }

            var source = $"RoleBinding \"{binding.Metadata?.Name}/{@namespace}\" of {binding.RoleRef.Kind} \"{binding.RoleRef.Name}\" to {Describe(subject, @namespace)}";
            foreach (var step in RoleReferenceRules(binding.RoleRef, clusterRoles, roles, source))
            {
                yield return step;
            }
        }
    }

    /// <summary>The first subject of a binding that names this user (rbac.go appliesToUser), or null.</summary>
    public static Rbacv1Subject? AppliesTo(UserInfo user, IEnumerable<Rbacv1Subject>? subjects, string bindingNamespace)
    {
        ArgumentNullException.ThrowIfNull(user);
        return (subjects ?? []).FirstOrDefault(subject => subject.Kind switch
        {
            "User" => subject.Name == user.Name,
            "Group" => user.Groups.Contains(subject.Name),
            "ServiceAccount" => ServiceAccountMatches(subject, bindingNamespace, user.Name),
            _ => false,
        });
    }

    private static bool ServiceAccountMatches(Rbacv1Subject subject, string bindingNamespace, string username)
    {
        // A ServiceAccount subject without a namespace means the binding's own namespace.
        var saNamespace = string.IsNullOrEmpty(subject.NamespaceProperty) ? bindingNamespace : subject.NamespaceProperty;
        return saNamespace.Length > 0 && username == ServiceAccountIdentity.Username(saNamespace, subject.Name);
    }

    private static string Describe(Rbacv1Subject subject, string bindingNamespace) => subject.Kind == "ServiceAccount"
        ? $"{subject.Kind} \"{subject.Name}/{(string.IsNullOrEmpty(subject.NamespaceProperty) ? bindingNamespace : subject.NamespaceProperty)}\""
        : $"{subject.Kind} \"{subject.Name}\"";

    /// <summary>rule.go GetRoleReferenceRules: only the kind of the reference matters; a missing role is an error, not a denial.</summary>
    private static IEnumerable<BoundRule> RoleReferenceRules(
        V1RoleRef roleRef,
        Dictionary<string, V1ClusterRole> clusterRoles,
        Dictionary<string, V1Role> roles,
        string source)
    {
        switch (roleRef.Kind)
        {
            case "ClusterRole":
                return clusterRoles.TryGetValue(roleRef.Name, out var clusterRole)
                    ? (clusterRole.Rules ?? []).Select(rule => BoundRule.Granted(rule, source))
                    : [BoundRule.Failed($"clusterrole.{RbacGroup} \"{roleRef.Name}\" not found")];
            case "Role":
                return roles.TryGetValue(roleRef.Name, out var role)
                    ? (role.Rules ?? []).Select(rule => BoundRule.Granted(rule, source))
                    : [BoundRule.Failed($"role.{RbacGroup} \"{roleRef.Name}\" not found")];
            default:
                return [BoundRule.Failed($"unsupported role reference kind: \"{roleRef.Kind}\"")];
        }
    }

    private static Dictionary<string, T> ByName<T>(IEnumerable<T> items, Func<T, string?> name)
    {
        var byName = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            byName[name(item) ?? ""] = item;
        }

        return byName;
    }
}
