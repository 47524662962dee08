using k8s.Models;

namespace VmLifecycle.LocalCluster.Security.Authorization;

/// <summary>
/// The authorization.k8s.io review resources (pkg/registry/authorization): the reviewed object comes back with its
/// status filled from the same authorizer that guards requests, which is what `kubectl auth can-i` reads.
/// RBAC has no explicit deny, so status.denied stays unset and a refusal is allowed=false.
/// </summary>
internal sealed class AccessReviewEvaluator(IAuthorizer authorizer, RbacRuleResolver rules)
{
    /// <summary>Field errors for a 422 Invalid answer; empty when the spec may be evaluated.</summary>
    public static IReadOnlyList<V1StatusCause> Validate(V1ResourceAttributes? resource, V1NonResourceAttributes? nonResource, string? user, IList<string>? groups, bool needsSubject)
    {
        var causes = new List<V1StatusCause>();
        if (resource is not null && nonResource is not null)
        {
            causes.Add(Invalid("spec.nonResourceAttributes", "cannot be specified in combination with resourceAttributes"));
        }

        if (resource is null && nonResource is null)
        {
            causes.Add(Cause("spec.resourceAttributes", "Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified", "FieldValueRequired"));
        }

        if (needsSubject && string.IsNullOrEmpty(user) && (groups is null || groups.Count == 0))
        {
            causes.Add(Invalid("spec.user", "at least one of user or group must be specified"));
        }

        return causes;
    }

    public V1SubjectAccessReview Evaluate(V1SubjectAccessReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var spec = review.Spec;
        var user = new UserInfo(
            spec.User ?? "",
            [.. spec.Groups ?? []],
            (spec.Extra ?? new Dictionary<string, IList<string>>()).ToDictionary(e => e.Key, e => (IReadOnlyList<string>)[.. e.Value ?? []]))
        {
            Uid = spec.Uid ?? "",
        };
        review.Status = Decide(user, spec.ResourceAttributes, spec.NonResourceAttributes);
        return review;
    }

    /// <summary>LocalSubjectAccessReview: the namespace of the attributes must be the object's (or empty, then defaulted).</summary>
    public V1LocalSubjectAccessReview Evaluate(V1LocalSubjectAccessReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (review.Spec.ResourceAttributes is { } attributes && string.IsNullOrEmpty(attributes.NamespaceProperty))
        {
            attributes.NamespaceProperty = review.Metadata?.NamespaceProperty;
        }

        var cluster = Evaluate(new V1SubjectAccessReview { Spec = review.Spec });
        review.Status = cluster.Status;
        return review;
    }

    public V1SelfSubjectAccessReview Evaluate(V1SelfSubjectAccessReview review, UserInfo requester)
    {
        ArgumentNullException.ThrowIfNull(review);
        review.Status = Decide(requester, review.Spec.ResourceAttributes, review.Spec.NonResourceAttributes);
        return review;
    }

    /// <summary>SelfSubjectRulesReview (`kubectl auth can-i --list`): the rules RBAC grants the requester in a namespace.</summary>
    public V1SelfSubjectRulesReview Evaluate(V1SelfSubjectRulesReview review, UserInfo requester)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(requester);
        var resourceRules = new List<V1ResourceRule>();
        var nonResourceRules = new List<V1NonResourceRule>();
        var errors = new List<string>();
        if (requester.Groups.Contains(UserInfo.MastersGroup))
        {
            resourceRules.Add(new V1ResourceRule { Verbs = ["*"], ApiGroups = ["*"], Resources = ["*"] });
            nonResourceRules.Add(new V1NonResourceRule { Verbs = ["*"], NonResourceURLs = ["*"] });
        }

        foreach (var step in rules.RulesFor(requester, review.Spec?.NamespaceProperty ?? ""))
        {
            if (step.Rule is null)
            {
                errors.Add(step.Error);
            }
            else if (step.Rule.NonResourceURLs is { Count: > 0 })
            {
                nonResourceRules.Add(new V1NonResourceRule { Verbs = step.Rule.Verbs, NonResourceURLs = step.Rule.NonResourceURLs });
            }
            else
            {
                resourceRules.Add(new V1ResourceRule
                {
                    Verbs = step.Rule.Verbs,
                    ApiGroups = step.Rule.ApiGroups,
                    Resources = step.Rule.Resources,
                    ResourceNames = step.Rule.ResourceNames,
                });
            }
        }

        review.Status = new V1SubjectRulesReviewStatus
        {
            ResourceRules = resourceRules,
            NonResourceRules = nonResourceRules,
            Incomplete = errors.Count > 0,
            EvaluationError = errors.Count > 0 ? string.Join(", ", errors) : null,
        };
        return review;
    }

    /// <summary>kube's AuthorizationAttributesFrom: resource attributes map one to one, otherwise path and verb.</summary>
    public static RequestAttributes AttributesFrom(UserInfo user, V1ResourceAttributes? resource, V1NonResourceAttributes? nonResource) =>
        resource is not null
            ? new RequestAttributes(
                user,
                resource.Verb ?? "",
                IsResourceRequest: true,
                Path: "",
                resource.Group ?? "",
                resource.Version ?? "",
                resource.Resource ?? "",
                resource.Subresource ?? "",
                resource.NamespaceProperty ?? "",
                resource.Name ?? "")
            : new RequestAttributes(user, nonResource?.Verb ?? "", IsResourceRequest: false, nonResource?.Path ?? "", "", "", "", "", "", "");

    private V1SubjectAccessReviewStatus Decide(UserInfo user, V1ResourceAttributes? resource, V1NonResourceAttributes? nonResource)
    {
        var decision = authorizer.Authorize(AttributesFrom(user, resource, nonResource));
        return new V1SubjectAccessReviewStatus
        {
            Allowed = decision.Allowed,
            Reason = decision.Reason.Length > 0 ? decision.Reason : null,
        };
    }

    private static V1StatusCause Invalid(string field, string message) =>
        Cause(field, $"Invalid value: {(field == "spec.user" ? "\"\"" : "\"object\"")}: {message}", "FieldValueInvalid");

    private static V1StatusCause Cause(string field, string message, string reason) =>
        new() { Field = field, Message = message, Reason = reason };
}
