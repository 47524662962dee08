using k8s.Models;

namespace VmLifecycle.LocalCluster.Security.Authentication;

/// <summary>
/// The answer to POST authentication.k8s.io/v1 selfsubjectreviews (`kubectl auth whoami`): the request's user as
/// authenticated, after impersonation. The request body carries nothing to read.
/// </summary>
internal static class SelfSubjectReviews
{
    public static V1SelfSubjectReview For(UserInfo user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new V1SelfSubjectReview
        {
            ApiVersion = "authentication.k8s.io/v1",
            Kind = "SelfSubjectReview",
            Metadata = new V1ObjectMeta(),
            Status = new V1SelfSubjectReviewStatus
            {
                UserInfo = new V1UserInfo
                {
                    Username = user.Name,
                    Uid = user.Uid.Length > 0 ? user.Uid : null,
                    Groups = [.. user.Groups],
                    Extra = user.Extra.Count > 0 ? user.Extra.ToDictionary(e => e.Key, e => (IList<string>)[.. e.Value]) : null,
                },
            },
        };
    }
}
