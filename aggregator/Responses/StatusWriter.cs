using VmLifecycle.Api.Serialization;

namespace VmLifecycle.Aggregator.Responses;

/// <summary>Writes metav1.Status answers (<see cref="StatusJson"/>); every error of this server goes through here.</summary>
internal static class StatusWriter
{
    public static async Task WriteAsync(HttpResponse response, StatusFailure failure, CancellationToken cancellationToken)
    {
        response.StatusCode = failure.Code;
        response.ContentType = StatusJson.ContentType;
        await response.Body.WriteAsync(StatusJson.Serialize(failure.ToStatus()), cancellationToken);
    }
}
