namespace VmLifecycle.Handler.Endpoints;

/// <summary>Turns an unhandled exception into a metav1.Status 500, so that every error answer of the handler is a Status.</summary>
internal sealed partial class StatusExceptionMiddleware(RequestDelegate next, ILogger<StatusExceptionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            LogUnhandled(logger, e, context.Request.Method, context.Request.Path);
            await StatusResults.InternalError(e.Message, null).ExecuteAsync(context);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
