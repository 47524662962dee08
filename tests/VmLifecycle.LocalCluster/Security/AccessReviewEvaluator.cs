using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Resources;

namespace VmLifecycle.LocalCluster.Security;

/// <summary>
/// Answers SubjectAccessReview, LocalSubjectAccessReview and SelfSubjectAccessReview creations by asking the
/// <see cref="IAuthorizer"/>; reviews are computed, never stored (as in kube-apiserver).
/// </summary>
internal sealed class AccessReviewEvaluator(IAuthorizer authorizer)
{
    public JsonObject Evaluate(ResourceDefinition definition, string @namespace, JsonObject review, UserInfo requester)
    {
        if (definition == BuiltInResources.SelfSubjectRulesReviews)
        {
            return RulesReview(definition, review);
        }

        var spec = review["spec"] as JsonObject ?? throw ApiStatus.Invalid(definition.Kind, definition.Group, "", [new FieldError("spec", "FieldValueRequired", "Required value")]);
        var user = definition == BuiltInResources.SelfSubjectAccessReviews ? requester : SubjectOf(spec);
        if (definition != BuiltInResources.SelfSubjectAccessReviews && user.Name.Length == 0 && user.Groups.Count == 0)
        {
            throw ApiStatus.Invalid(definition.Kind, definition.Group, "", [new FieldError("spec.user", "FieldValueInvalid", "Invalid value: \"\": at least one of user or group must be specified")]);
        }

        RequestAttributes attributes;
        if (spec["resourceAttributes"] is JsonObject resource)
        {
            var reviewNamespace = Text(resource, "namespace");
            if (definition == BuiltInResources.LocalSubjectAccessReviews)
            {
                if (reviewNamespace.Length > 0 && reviewNamespace != @namespace)
                {
                    throw ApiStatus.BadRequest($"spec.resourceAttributes.namespace must match metadata.namespace: {reviewNamespace} != {@namespace}");
                }

                reviewNamespace = @namespace;
            }

            attributes = new RequestAttributes(user, Text(resource, "verb"), true, "", Text(resource, "group"), Text(resource, "version"),
                Text(resource, "resource"), Text(resource, "subresource"), reviewNamespace, Text(resource, "name"));
        }
        else if (spec["nonResourceAttributes"] is JsonObject nonResource)
        {
            attributes = new RequestAttributes(user, Text(nonResource, "verb"), false, Text(nonResource, "path"), "", "", "", "", "", "");
        }
        else
        {
            throw ApiStatus.Invalid(definition.Kind, definition.Group, "",
                [new FieldError("spec.resourceAttributes", "FieldValueRequired", "Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified")]);
        }

        var decision = authorizer.Authorize(attributes);
        var result = ObjectVersioning.ForVersion(definition, review);
        var metadata = ObjectMeta.Of(result);
        metadata["creationTimestamp"] = null;
        var status = new JsonObject { ["allowed"] = decision.Allowed };
        if (decision.Reason.Length > 0)
        {
            status["reason"] = decision.Reason;
        }

        result["status"] = status;
        return result;
    }

    /// <summary>
    /// IAuthorizer answers single questions only, so the rules list is empty and marked incomplete, as kube-apiserver
    /// does for authorizers that cannot enumerate rules (kubectl auth can-i --list then prints what it got).
    /// </summary>
    private static JsonObject RulesReview(ResourceDefinition definition, JsonObject review)
    {
        var result = ObjectVersioning.ForVersion(definition, review);
        ObjectMeta.Of(result)["creationTimestamp"] = null;
        result["status"] = new JsonObject
        {
            ["resourceRules"] = new JsonArray(),
            ["nonResourceRules"] = new JsonArray(),
            ["incomplete"] = true,
            ["evaluationError"] = "the local cluster's authorizer cannot list rules",
        };
        return result;
    }

    private static UserInfo SubjectOf(JsonObject spec)
    {
        var groups = (spec["groups"] as JsonArray ?? []).Select(g => g?.GetValue<string>() ?? "").Where(g => g.Length > 0).ToList();
        var extra = new Dictionary<string, IReadOnlyList<string>>();
        if (spec["extra"] is JsonObject extras)
        {
            foreach (var (key, values) in extras)
            {
                extra[key] = (values as JsonArray ?? []).Select(v => v?.GetValue<string>() ?? "").ToList();
            }
        }

        return new UserInfo(Text(spec, "user"), groups, extra);
    }

    private static string Text(JsonObject obj, string field) => obj[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
