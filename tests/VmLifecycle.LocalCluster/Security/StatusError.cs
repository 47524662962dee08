using System.Text.Json;

namespace VmLifecycle.LocalCluster.Security;

/// <summary>
/// A failure answered as a metav1.Status, serialized in kube-apiserver's field order so clients
/// (kubectl's "You must be logged in", "Error from server (Forbidden)") read it as they would from a real cluster.
/// </summary>
internal sealed record StatusError(int Code, string Reason, string Message, StatusErrorDetails? Details = null)
{
    public static StatusError Unauthorized() => new(StatusCodes.Status401Unauthorized, "Unauthorized", "Unauthorized");

    public static StatusError BadRequest(string message) => new(StatusCodes.Status400BadRequest, "BadRequest", message);

    public static StatusError InternalError(string message) =>
        new(StatusCodes.Status500InternalServerError, "InternalError", $"Internal error occurred: {message}");

    public byte[] ToJsonBytes()
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
            json.WriteString("message", Message);
            json.WriteString("reason", Reason);
            if (Details is not null)
            {
                json.WriteStartObject("details");
                WriteIfPresent(json, "name", Details.Name);
                WriteIfPresent(json, "group", Details.Group);
                WriteIfPresent(json, "kind", Details.Kind);
                json.WriteEndObject();
            }

            json.WriteNumber("code", Code);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public async Task WriteAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        var body = ToJsonBytes();
        response.StatusCode = Code;
        response.ContentType = "application/json";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken).ConfigureAwait(false);
    }

    private static void WriteIfPresent(Utf8JsonWriter json, string name, string value)
    {
        if (value.Length > 0)
        {
            json.WriteString(name, value);
        }
    }
}

/// <summary>metav1.StatusDetails as kube-apiserver fills it for Forbidden/NotFound: Kind holds the plural resource.</summary>
internal sealed record StatusErrorDetails(string Name, string Group, string Kind);
