namespace VmLifecycle.Aggregator.Observability;

/// <summary>Counts and times every request by what it asked for (<see cref="RequestClassifier"/>) and its status code.</summary>
internal sealed class RequestMetricsMiddleware(RequestDelegate next, AggregatorMetrics metrics, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = time.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            metrics.RequestServed(RequestClassifier.Classify(context.Request.Path), context.Request.Method, context.Response.StatusCode, time.GetElapsedTime(started));
        }
    }
}
