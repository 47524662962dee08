using System.Text.Json;
using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Protobuf;

namespace VmLifecycle.LocalCluster.Serving;

/// <summary>Reads request bodies; malformed JSON is a 400 BadRequest Status, never a 500.</summary>
internal static class RequestBodies
{
    private const int MaxBodyBytes = 3 * 1024 * 1024;

    public static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        RejectBinaryMediaTypes(request);
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        return text.Length > MaxBodyBytes ? throw TooLarge() : text;
    }

    private static string MediaTypeOf(HttpRequest request) => (request.ContentType ?? "").Split(';')[0].Trim();

    private static StatusException TooLarge() => new(new JsonObject
    {
        ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Failure",
        ["message"] = "Request entity too large: limit is 3145728", ["reason"] = "RequestEntityTooLarge", ["code"] = 413,
    });

    /// <summary>Reads a JSON object body, or a protobuf one (which kubectl's typed clients send for built-in kinds).</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (MediaTypeOf(request) == KubernetesProtobufEnvelope.MediaType)
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken);
            return buffer.Length > MaxBodyBytes ? throw TooLarge() : KubernetesProtobufEnvelope.Decode(buffer.ToArray());
        }

        var text = await ReadTextAsync(request, cancellationToken);
        return ParseObject(text);
    }

    public static async Task<JsonObject?> ReadOptionalObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var text = await ReadTextAsync(request, cancellationToken);
        return string.IsNullOrWhiteSpace(text) ? null : ParseObject(text);
    }

    /// <summary>
    /// Only JSON is served. client-go sends protobuf for built-in kinds when asked to, and switches to JSON
    /// for the rest of its session after a 415 (as it does against servers without protobuf support).
    /// </summary>
    private static void RejectBinaryMediaTypes(HttpRequest request)
    {
        var mediaType = MediaTypeOf(request);
        if (mediaType is KubernetesProtobufEnvelope.MediaType or "application/cbor" or "application/yaml")
        {
            throw ApiStatus.UnsupportedMediaType(mediaType, ["application/json"]);
        }
    }

    private static JsonObject ParseObject(string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) as JsonObject
                ?? throw ApiStatus.BadRequest("Object 'Kind' is missing in the request body: it is not a JSON object");
        }
        catch (JsonException exception)
        {
            throw ApiStatus.BadRequest($"couldn't get version/kind; json parse error: {exception.Message}");
        }
    }
}
