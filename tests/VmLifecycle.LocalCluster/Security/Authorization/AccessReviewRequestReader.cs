using k8s;
using k8s.Models;
using VmLifecycle.LocalCluster.Security.Authorization.Protobuf;

namespace VmLifecycle.LocalCluster.Security.Authorization;

/// <summary>
/// Reads a posted review in either encoding a client uses: JSON, or kube protobuf (what kubectl sends for
/// built-in types). The answer can always be JSON: clients accept "application/vnd.kubernetes.protobuf,application/json".
/// </summary>
internal static class AccessReviewRequestReader
{
    public static Task<V1SubjectAccessReview> SubjectAccessReviewAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReadAsync(request, AccessReviewProtobuf.SubjectAccessReview, cancellationToken);

    public static Task<V1LocalSubjectAccessReview> LocalSubjectAccessReviewAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReadAsync(request, AccessReviewProtobuf.LocalSubjectAccessReview, cancellationToken);

    public static Task<V1SelfSubjectAccessReview> SelfSubjectAccessReviewAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReadAsync(request, AccessReviewProtobuf.SelfSubjectAccessReview, cancellationToken);

    public static Task<V1SelfSubjectRulesReview> SelfSubjectRulesReviewAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReadAsync(request, AccessReviewProtobuf.SelfSubjectRulesReview, cancellationToken);

    private static async Task<T> ReadAsync<T>(HttpRequest request, Func<ReadOnlyMemory<byte>, T> fromProtobuf, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
        var bytes = body.GetBuffer().AsMemory(0, (int)body.Length);
        return AccessReviewProtobuf.IsProtobuf(request.ContentType)
            ? fromProtobuf(bytes)
            : KubernetesJson.Deserialize<T>(System.Text.Encoding.UTF8.GetString(bytes.Span));
    }
}
