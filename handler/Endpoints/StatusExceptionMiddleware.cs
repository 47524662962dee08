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
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = StatusResults.JsonContentType;
            var status = new StatusBody("Failure", Api.Conventions.KubeVirtMessages.InternalError(e.Message), "InternalError", null, StatusCodes.Status500InternalServerError);
            await context.Response.WriteAsync(StatusResults.Serialize(status), context.RequestAborted);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
