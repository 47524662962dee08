using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Errors;

namespace VmLifecycle.LocalCluster.Serving;

/// <summary>Writes JSON answers and metav1.Status failures.</summary>
internal static class StatusResponses
{
    public static Task WriteAsync(HttpContext context, StatusException failure, CancellationToken cancellationToken) =>
        WriteJsonAsync(context, failure.Status, failure.Code, cancellationToken);

    public static async Task WriteJsonAsync(HttpContext context, JsonNode body, int statusCode, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        await context.Response.Body.WriteAsync(JsonUtf8.Serialize(body), cancellationToken);
    }
}
