using System.Text.Json;

namespace VmLifecycle.Aggregator.Responses;

/// <summary>
/// Writes metav1.Status answers; every error of this server goes through here. Written field by field because
/// KubernetesClient's V1Status converter only reads.
/// </summary>
internal static class StatusWriter
{
    public const string JsonContentType = "application/json";

    public static async Task WriteAsync(HttpResponse response, StatusFailure failure, CancellationToken cancellationToken)
    {
        response.StatusCode = failure.Code;
        response.ContentType = JsonContentType;
        await response.Body.WriteAsync(ToJson(failure), cancellationToken);
    }

    public static byte[] ToJson(StatusFailure failure)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("kind", "Status");
            json.WriteString("apiVersion", "v1");
            json.WriteStartObject("metadata");
            json.WriteEndObject();
            json.WriteString("status", "Failure");
            json.WriteString("message", failure.Message);
            if (failure.Reason.Length > 0)
            {
                json.WriteString("reason", failure.Reason);
            }

            if (failure.Details is { } details)
            {
                json.WriteStartObject("details");
                WriteIfSet(json, "name", details.Name);
                WriteIfSet(json, "group", details.Group);
                WriteIfSet(json, "kind", details.Kind);
                WriteIfSet(json, "uid", details.Uid);
                if (details.Causes is { Count: > 0 } causes)
                {
                    json.WriteStartArray("causes");
                    foreach (var cause in causes)
                    {
                        json.WriteStartObject();
                        WriteIfSet(json, "reason", cause.Reason);
                        WriteIfSet(json, "message", cause.Message);
                        WriteIfSet(json, "field", cause.Field);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                }

                if (details.RetryAfterSeconds is { } retryAfter)
                {
                    json.WriteNumber("retryAfterSeconds", retryAfter);
                }

                json.WriteEndObject();
            }

            json.WriteNumber("code", failure.Code);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            json.WriteString(name, value);
        }
    }
}
