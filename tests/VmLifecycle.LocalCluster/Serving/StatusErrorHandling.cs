using System.Text.Json;
using VmLifecycle.LocalCluster.Errors;

namespace VmLifecycle.LocalCluster.Serving;

/// <summary>
/// Turns every failure into a metav1.Status: <see cref="StatusException"/> as given, malformed or mistyped JSON
/// as 400 BadRequest, anything else as 500 InternalError (logged).
/// </summary>
internal sealed partial class StatusErrorHandling(RequestDelegate next, ILogger<StatusErrorHandling> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (StatusException failure) when (!context.Response.HasStarted)
        {
            await StatusResponses.WriteAsync(context, failure, context.RequestAborted);
        }
        catch (JsonException exception) when (!context.Response.HasStarted)
        {
            await StatusResponses.WriteAsync(context, ApiStatus.BadRequest($"the body of the request is not valid JSON: {exception.Message}"), context.RequestAborted);
        }
        catch (Exception exception) when (!context.Response.HasStarted && IsFromJsonModel(exception))
        {
            await StatusResponses.WriteAsync(context, ApiStatus.BadRequest($"the request has a field of the wrong type: {exception.Message}"), context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            LogUnhandled(exception, context.Request.Method, context.Request.Path);
            await StatusResponses.WriteAsync(context, ApiStatus.InternalError(exception.Message), context.RequestAborted);
        }
    }

    /// <summary>JsonNode accessors throw InvalidOperationException/FormatException when a client sends a field of the wrong JSON type.</summary>
    private static bool IsFromJsonModel(Exception exception) =>
        exception is InvalidOperationException or FormatException && exception.Source == "System.Text.Json";

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure serving {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
