namespace VmLifecycle.LocalCluster.Security.Authorization;

/// <summary>
/// kube-apiserver's authorizer chain for the local cluster: the privileged group system:masters first, then RBAC
/// over the stored roles and bindings. RBAC never denies, it has no opinion; the reason of a refusal is empty
/// unless a binding references a missing role ("RBAC: clusterrole... not found"), as in plugin/pkg/auth/authorizer/rbac.
/// </summary>
internal sealed class RbacAuthorizer(IRbacObjectSource objects) : IAuthorizer
{
    private readonly RbacRuleResolver _resolver = new(objects);

    public AuthorizationDecision Authorize(RequestAttributes attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (attributes.User.Groups.Contains(UserInfo.MastersGroup))
        {
            return AuthorizationDecision.Allow("");
        }

        var errors = new List<string>();
        foreach (var step in _resolver.RulesFor(attributes.User, attributes.Namespace))
        {
            if (step.Rule is null)
            {
                errors.Add(step.Error);
            }
            else if (PolicyRuleMatching.Allows(step.Rule, attributes))
            {
                return AuthorizationDecision.Allow($"RBAC: allowed by {step.Source}");
            }
        }

        return AuthorizationDecision.Deny(errors.Count switch
        {
            0 => "",
            1 => $"RBAC: {errors[0]}",
            _ => $"RBAC: [{string.Join(", ", errors)}]",
        });
    }
}
