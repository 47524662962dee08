using System.Text.Json;
using k8s.Models;

namespace VmLifecycle.Api.Serialization;

/// <summary>
/// Writes and reads metav1.Status, the body of every error answer of the aggregator and the handler, in
/// k8s.io/apimachinery's shape: <c>{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":…,
/// "reason":…,"details":{"name","group","kind","causes":[…]},"code":…}</c>. Written field by field because
/// KubernetesClient's V1Status converter only reads; read by hand so that the same code runs in the NativeAOT plugin.
/// </summary>
public static class StatusJson
{
    /// <summary>The media type of a Status body.</summary>
    public const string ContentType = "application/json";

    /// <summary>The <c>status</c> of an error answer.</summary>
    public const string Failure = "Failure";

    /// <summary>The <c>status</c> of a successful answer.</summary>
    public const string Success = "Success";

    /// <summary>A Status as UTF-8 JSON. kind, apiVersion and metadata are always those of metav1.Status; empty fields are omitted.</summary>
    /// <param name="status">What to write: <c>Status</c>, <c>Message</c>, <c>Reason</c>, <c>Details</c> and <c>Code</c> are used.</param>
    /// <returns>Compact UTF-8 JSON.</returns>
    public static byte[] Serialize(V1Status status)
    {
        ArgumentNullException.ThrowIfNull(status);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("kind", "Status");
            json.WriteString("apiVersion", "v1");
            json.WriteStartObject("metadata");
            json.WriteEndObject();
            json.WriteString("status", status.Status ?? Failure);
            if (status.Message is not null)
            {
                json.WriteString("message", status.Message);
            }

            WriteIfSet(json, "reason", status.Reason);
            if (status.Details is { } details)
            {
                WriteDetails(json, details);
            }

            if (status.Code is { } code)
            {
                json.WriteNumber("code", code);
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a body as a Status: a JSON object whose <c>kind</c> is <c>Status</c>, with fields of the right types.</summary>
    /// <param name="body">An answer's body, possibly empty or not JSON at all.</param>
    /// <returns>The Status, or null when the body is not one.</returns>
    public static V1Status? TryRead(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || String(root, "kind") != "Status")
            {
                return null;
            }

            return new V1Status
            {
                Kind = "Status",
                ApiVersion = String(root, "apiVersion"),
                Status = String(root, "status"),
                Message = String(root, "message"),
                Reason = String(root, "reason"),
                Details = Member(root, "details") is { } details ? ReadDetails(details) : null,
                Code = Member(root, "code")?.GetInt32(),
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            // Not JSON, or a field of another type: not a Status.
            return null;
        }
    }

    private static void WriteDetails(Utf8JsonWriter json, V1StatusDetails details)
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

    private static V1StatusDetails ReadDetails(JsonElement details) => new()
    {
        Name = String(details, "name"),
        Group = String(details, "group"),
        Kind = String(details, "kind"),
        Uid = String(details, "uid"),
        Causes = Member(details, "causes") is { } causes
            ? [.. causes.EnumerateArray().Select(c => new V1StatusCause { Reason = String(c, "reason"), Message = String(c, "message"), Field = String(c, "field") })]
            : null,
        RetryAfterSeconds = Member(details, "retryAfterSeconds")?.GetInt32(),
    };

    // A member that is absent or null is unset, as Go's decoder treats it.
    private static JsonElement? Member(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? String(JsonElement element, string name) => Member(element, name)?.GetString();

    private static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            json.WriteString(name, value);
        }
    }
}
