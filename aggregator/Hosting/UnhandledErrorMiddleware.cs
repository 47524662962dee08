using VmLifecycle.Aggregator.Responses;

namespace VmLifecycle.Aggregator.Hosting;

/// <summary>
/// The last line of defence: a malformed request that Kestrel rejects becomes a 4xx Status, an unexpected exception a
/// logged 500 Status, so that no answer of this server is ever something other than a metav1.Status.
/// </summary>
internal sealed partial class UnhandledErrorMiddleware(RequestDelegate next, ILogger<UnhandledErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            var failure = e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? new StatusFailure(413, "RequestEntityTooLarge", e.Message)
                : new StatusFailure(e.StatusCode, "BadRequest", e.Message);
            await StatusWriter.WriteAsync(context.Response, failure, CancellationToken.None);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            LogUnhandled(logger, e, context.Request.Method, context.Request.Path);
            await StatusWriter.WriteAsync(context.Response, StatusFailure.Internal(e.Message), CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error serving {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
