using System.Globalization;
using System.Net;
using System.Text.Json;

namespace VmLifecycle.KubectlPlugin.Http;

/// <summary>Reads an error answer: the metav1.Status message when the body is one, else a kubectl-like fallback.</summary>
internal static class StatusReader
{
    public static ApiException ToException(HttpStatusCode status, string body)
    {
        var code = (int)status;
        if (TryRead(body, out var message, out var reason) && !string.IsNullOrEmpty(message))
        {
            return new ApiException(code, reason, message);
        }

        var fallback = status switch
        {
            HttpStatusCode.Unauthorized => "Unauthorized",
            HttpStatusCode.Forbidden => "Forbidden",
            HttpStatusCode.NotFound => "the server could not find the requested resource",
            _ => string.Create(CultureInfo.InvariantCulture, $"an error on the server (\"{Trim(body)}\") has prevented the request from succeeding"),
        };
        return new ApiException(code, status.ToString(), fallback);
    }

    /// <summary>Reads a Status object's message and reason.</summary>
    public static bool TryRead(string json, out string? message, out string? reason)
    {
        message = null;
        reason = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            return TryRead(document.RootElement, out message, out reason);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static bool TryRead(JsonElement element, out string? message, out string? reason)
    {
        message = null;
        reason = null;
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("kind", out var kind) || kind.GetString() != "Status")
        {
            return false;
        }

        message = element.TryGetProperty("message", out var m) ? m.GetString() : null;
        reason = element.TryGetProperty("reason", out var r) ? r.GetString() : null;
        return true;
    }

    private static string Trim(string body) => body.Length > 200 ? body[..200] : body.Trim();
}
