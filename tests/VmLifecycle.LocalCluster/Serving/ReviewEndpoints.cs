using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Resources;
using VmLifecycle.LocalCluster.Security;
using VmLifecycle.LocalCluster.Security.Authentication;
using VmLifecycle.LocalCluster.Security.Authorization;

namespace VmLifecycle.LocalCluster.Serving;

/// <summary>
/// The create of a review resource (SubjectAccessReview, LocalSubjectAccessReview, SelfSubjectAccessReview,
/// SelfSubjectRulesReview, SelfSubjectReview): decoded from the posted object (JSON or kube protobuf, already read
/// into JSON), answered by the <see cref="AccessReviewEvaluator"/>, never stored, as kube-apiserver's registries do.
/// </summary>
internal sealed class ReviewEndpoints(AccessReviewEvaluator evaluator)
{
    public JsonObject Create(ResourceDefinition definition, string @namespace, JsonObject body, UserInfo requester)
    {
        ArgumentNullException.ThrowIfNull(definition);
        object answered = definition.Resource switch
        {
            "subjectaccessreviews" => SubjectAccessReview(definition, Decode<V1SubjectAccessReview>(body)),
            "localsubjectaccessreviews" => LocalSubjectAccessReview(definition, @namespace, Decode<V1LocalSubjectAccessReview>(body)),
            "selfsubjectaccessreviews" => SelfSubjectAccessReview(definition, Decode<V1SelfSubjectAccessReview>(body), requester),
            "selfsubjectrulesreviews" => evaluator.Evaluate(Decode<V1SelfSubjectRulesReview>(body), requester),
            "selfsubjectreviews" => SelfSubjectReviews.For(requester),
            _ => throw ApiStatus.MethodNotSupported(definition.Resource, definition.Group, "create"),
        };
        var result = JsonNode.Parse(KubernetesJson.Serialize(answered))!.AsObject();
        result["apiVersion"] = $"{definition.Group}/{definition.Version}";
        result["kind"] = definition.Kind;
        var metadata = ObjectMeta.Of(result);
        metadata["creationTimestamp"] = null;
        return result;
    }

    private V1SubjectAccessReview SubjectAccessReview(ResourceDefinition definition, V1SubjectAccessReview review)
    {
        var spec = review.Spec ?? throw MissingSpec(definition);
        Validate(definition, AccessReviewEvaluator.Validate(spec.ResourceAttributes, spec.NonResourceAttributes, spec.User, spec.Groups, needsSubject: true));
        return evaluator.Evaluate(review);
    }

    private V1LocalSubjectAccessReview LocalSubjectAccessReview(ResourceDefinition definition, string @namespace, V1LocalSubjectAccessReview review)
    {
        var spec = review.Spec ?? throw MissingSpec(definition);
        review.Metadata ??= new V1ObjectMeta();
        if (!string.IsNullOrEmpty(review.Metadata.NamespaceProperty) && review.Metadata.NamespaceProperty != @namespace)
        {
            throw ApiStatus.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        review.Metadata.NamespaceProperty = @namespace;
        var causes = AccessReviewEvaluator.Validate(spec.ResourceAttributes, spec.NonResourceAttributes, spec.User, spec.Groups, needsSubject: true).ToList();
        if (spec.ResourceAttributes?.NamespaceProperty is { Length: > 0 } reviewed && reviewed != @namespace)
        {
            causes.Add(new V1StatusCause { Field = "spec.resourceAttributes.namespace", Reason = "FieldValueInvalid", Message = $"Invalid value: \"{reviewed}\": must match metadata.namespace" });
        }

        Validate(definition, causes);
        return evaluator.Evaluate(review);
    }

    private V1SelfSubjectAccessReview SelfSubjectAccessReview(ResourceDefinition definition, V1SelfSubjectAccessReview review, UserInfo requester)
    {
        var spec = review.Spec ?? throw MissingSpec(definition);
        Validate(definition, AccessReviewEvaluator.Validate(spec.ResourceAttributes, spec.NonResourceAttributes, null, null, needsSubject: false));
        return evaluator.Evaluate(review, requester);
    }

    private static T Decode<T>(JsonObject body) => KubernetesJson.Deserialize<T>(body.ToJsonString());

    private static void Validate(ResourceDefinition definition, IReadOnlyList<V1StatusCause> causes)
    {
        if (causes.Count > 0)
        {
            throw ApiStatus.Invalid(definition.Kind, definition.Group, "", [.. causes.Select(c => new FieldError(c.Field, c.Reason, c.Message))]);
        }
    }

    private static StatusException MissingSpec(ResourceDefinition definition) =>
        ApiStatus.Invalid(definition.Kind, definition.Group, "", [new FieldError("spec", "FieldValueRequired", "Required value")]);
}
