using k8s.Models;
using VmLifecycle.Api;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.Serialization;

namespace VmLifecycle.Aggregator.Responses;

/// <summary>
/// A failed request, answered as a metav1.Status with the code, reason and message kube-apiserver and KubeVirt's virt-api
/// would give (k8s.io/apimachinery's errors.New* constructors).
/// </summary>
internal sealed record StatusFailure(int Code, string Reason, string Message, V1StatusDetails? Details = null)
{
    public static StatusFailure BadRequest(string message) => new(400, "BadRequest", message);

    public static StatusFailure Unauthorized() => new(401, "Unauthorized", AggregatorMessages.Unauthorized);

    /// <summary>403 of KubeVirt's subresource rules (errors.NewForbidden on a kubevirt.io resource).</summary>
    public static StatusFailure Forbidden(string singularResource, string name, string message) =>
        new(403, "Forbidden", KubeVirtMessages.Forbidden(singularResource, name, message), KubeVirtDetails(singularResource, name));

    /// <summary>403 of the authorizer, with kube-apiserver's wording; see <see cref="Authorization.ForbiddenMessage"/>.</summary>
    public static StatusFailure AccessDenied(string message, string name, string group, string resource) =>
        new(403, "Forbidden", message, new V1StatusDetails { Name = NullIfEmpty(name), Group = group, Kind = resource });

    /// <summary>404 for a kubevirt.io object that does not exist.</summary>
    public static StatusFailure NotFound(string singularResource, string name) =>
        new(404, "NotFound", KubeVirtMessages.NotFound(singularResource, name), KubeVirtDetails(singularResource, name));

    /// <summary>404 for a path that names nothing this server serves.</summary>
    public static StatusFailure PathNotFound() => new(404, "NotFound", AggregatorMessages.PathNotFound);

    public static StatusFailure MethodNotAllowed() => new(405, "MethodNotAllowed", AggregatorMessages.MethodNotAllowed);

    /// <summary>409 on a kubevirt.io object: <c>Operation cannot be fulfilled on {resource}.kubevirt.io "{name}": {message}</c>.</summary>
    public static StatusFailure Conflict(string singularResource, string name, string message) =>
        new(409, "Conflict", KubeVirtMessages.Conflict(singularResource, name, message), KubeVirtDetails(singularResource, name));

    public static StatusFailure RequestEntityTooLarge(long limit) =>
        new(413, "RequestEntityTooLarge", AggregatorMessages.RequestEntityTooLarge(limit));

    /// <summary>500 <c>Internal error occurred: {error}</c>, with the error as the one cause (errors.NewInternalError).</summary>
    public static StatusFailure Internal(string error) =>
        new(500, "InternalError", KubeVirtMessages.InternalError(error), new V1StatusDetails { Causes = [new V1StatusCause { Message = error }] });

    /// <summary>A handler's 4xx answer as it is; null when the body is not a Status with a message.</summary>
    public static StatusFailure? FromStatus(int code, string body) =>
        StatusJson.TryRead(body) is { Message: { } message } status ? new(code, status.Reason ?? "", message, status.Details) : null;

    public V1Status ToStatus() => new() { Status = StatusJson.Failure, Code = Code, Reason = Reason, Message = Message, Details = Details };

    private static V1StatusDetails KubeVirtDetails(string singularResource, string name) =>
        new() { Name = name, Group = KubeVirtGroup.Name, Kind = singularResource };

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
