using k8s;
using k8s.Models;
using VmLifecycle.Aggregator.Authorization;

namespace VmLifecycle.Aggregator.Kubernetes;

/// <summary>POSTs a SubjectAccessReview for each request (authorization.k8s.io/v1).</summary>
internal sealed class KubernetesSubjectAccessReviewClient(IKubernetes kubernetes) : ISubjectAccessReviewClient
{
    public async Task<AccessDecision> ReviewAsync(ResourceAccessRequest request, CancellationToken cancellationToken)
    {
        var review = new V1SubjectAccessReview
        {
            ApiVersion = "authorization.k8s.io/v1",
            Kind = "SubjectAccessReview",
            Spec = new V1SubjectAccessReviewSpec
            {
                User = request.User.Name,
                Uid = request.User.Uid,
                Groups = [.. request.User.Groups],
                Extra = request.User.Extra.Count == 0 ? null : request.User.Extra.ToDictionary(pair => pair.Key, pair => (IList<string>)[.. pair.Value]),
                ResourceAttributes = new V1ResourceAttributes
                {
                    NamespaceProperty = request.Namespace,
                    Verb = request.Verb,
                    Group = request.Group,
                    Version = request.Version,
                    Resource = request.Resource,
                    Subresource = request.Subresource,
                    Name = request.Name,
                },
            },
        };
        var answer = await KubernetesErrors.TranslateAsync(() => kubernetes.AuthorizationV1.CreateSubjectAccessReviewAsync(review, cancellationToken: cancellationToken));
        var allowed = answer.Status is { Allowed: true, Denied: not true };
        return new AccessDecision(allowed, answer.Status?.Reason ?? "");
    }
}
