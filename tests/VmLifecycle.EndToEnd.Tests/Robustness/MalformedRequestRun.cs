using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace VmLifecycle.EndToEnd.Tests.Robustness;

/// <summary>
/// Sends generated requests one after the other and checks every answer against its <see cref="AnswerRule"/>; what
/// breaks a rule (a 5xx, an error that is not a metav1.Status, a reset connection) is collected, not thrown, so that one
/// run reports every offending request.
/// </summary>
internal sealed class MalformedRequestRun(HttpClient client)
{
    private readonly List<string> _violations = [];

    public IReadOnlyList<string> Violations => _violations;

    public int Sent { get; private set; }

    public async Task SendAsync(IEnumerable<MalformedRequest> requests, CancellationToken cancellationToken)
    {
        foreach (var request in requests)
        {
            Sent++;
            if (await SendOneAsync(request, cancellationToken) is { } violation)
            {
                _violations.Add($"{request}: {violation}");
            }
        }
    }

    private async Task<string?> SendOneAsync(MalformedRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(client.BaseAddress!, request.PathAndQuery));
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            if (request.ContentType is { } contentType)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        try
        {
            using var response = await client.SendAsync(message, cancellationToken);
            var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return Check(request, response.StatusCode, response.Content.Headers.ContentType, answer);
        }
        catch (HttpRequestException) when (IsRefusedByKestrel(request))
        {
            // Kestrel closes the connection after refusing the request line; a client still sending a body sees a broken pipe.
            return null;
        }
        catch (HttpRequestException e)
        {
            return $"no answer (connection reset or closed): {e.Message} {e.InnerException?.Message}";
        }
    }

    /// <summary>Why the answer breaks its rule, or null when it follows it.</summary>
    public static string? Check(MalformedRequest request, HttpStatusCode status, MediaTypeHeaderValue? contentType, byte[] body)
    {
        var code = (int)status;
        var text = System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)));
        var served = code is >= 200 and < 300;
        if (served && request.Rule == AnswerRule.ServedOr4xxStatus)
        {
            return null;
        }

        if (code == 400 && body.Length == 0 && IsRefusedByKestrel(request))
        {
            return null;
        }

        if (code is < 400 or >= 500)
        {
            return $"{code} (expected {(request.Rule == AnswerRule.Status4xx ? "a 4xx" : "2xx or a 4xx")} Status): {text}";
        }

        // HEAD answers carry no body to check.
        return request.Method == "HEAD" ? null : StatusShapeError(code, contentType, body) is { } error ? $"{code} {error}: {text}" : null;
    }

    /// <summary>
    /// Kestrel refuses a request target whose path decodes to a NUL character (%00) in its request-line parser, with a
    /// 400 and no body, before any middleware runs; no server option or hook changes that answer. It is the one 4xx
    /// that is not a Status, as Go's net/http answers a request line it cannot parse with a plain-text 400; and since
    /// Kestrel then closes the connection, a client still sending a large body may see the pipe break instead.
    /// </summary>
    public static bool IsRefusedByKestrel(MalformedRequest request) =>
        request.PathAndQuery.Split('?')[0].Contains("%00", StringComparison.Ordinal);

    private static string? StatusShapeError(int code, MediaTypeHeaderValue? contentType, byte[] body)
    {
        if (contentType?.MediaType != "application/json")
        {
            return $"content type {contentType?.MediaType ?? "none"} instead of application/json";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind != JsonValueKind.Object ? "not a JSON object"
                : Text(root, "kind") != "Status" ? "kind is not Status"
                : Text(root, "apiVersion") != "v1" ? "apiVersion is not v1"
                : Text(root, "status") != "Failure" ? "status is not Failure"
                : !root.TryGetProperty("code", out var c) || c.ValueKind != JsonValueKind.Number || c.GetInt32() != code ? "code differs from the HTTP status"
                : string.IsNullOrEmpty(Text(root, "message")) ? "no message"
                : null;
        }
        catch (JsonException e)
        {
            return $"not JSON ({e.Message})";
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
