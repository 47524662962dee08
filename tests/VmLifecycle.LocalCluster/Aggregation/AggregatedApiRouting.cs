using Microsoft.AspNetCore.Http.Features;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Requests;
using VmLifecycle.LocalCluster.Security;
using VmLifecycle.LocalCluster.Serving;

namespace VmLifecycle.LocalCluster.Aggregation;

/// <summary>
/// Placed after authorization: /apis/GROUP/VERSION/... of a service-backed APIService goes to the aggregation proxy
/// (kube-aggregator's proxy handler), everything else to the local handlers. Like kube-apiserver, a proxied request
/// that is not long-running must finish within <see cref="AggregationOptions.RequestTimeout"/> (504 Timeout Status),
/// and the /apis/GROUP/VERSION discovery document within <see cref="AggregationOptions.DiscoveryTimeout"/>.
/// </summary>
internal sealed partial class AggregatedApiRouting(
    RequestDelegate next,
    IApiServiceProxy proxy,
    AggregationOptions options,
    TimeProvider timeProvider,
    ILogger<AggregatedApiRouting> logger)
{
    private static readonly HashSet<string> _longRunningSubresources = new(StringComparer.Ordinal)
    {
        "attach", "exec", "log", "portforward", "proxy", "console", "vnc", "usbredir",
    };

    public async Task InvokeAsync(HttpContext context)
    {
        var segments = (context.Request.Path.Value ?? "/").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is not ["apis", var group, var version, ..] || !proxy.TryGetApiService(group, version, out _))
        {
            await next(context);
            return;
        }

        var timeout = segments.Length == 3 ? options.DiscoveryTimeout : IsLongRunning(context) ? Timeout.InfiniteTimeSpan : options.RequestTimeout;
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, deadline.Token);
        try
        {
            await proxy.ProxyAsync(context, context.GetUser(), linked.Token);
        }
        catch (Exception exception) when (deadline.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested
            && exception is OperationCanceledException or IOException)
        {
            LogTimedOut(logger, context.Request.Method, context.Request.Path, timeout);
            if (context.Response.HasStarted)
            {
                context.Abort();
                return;
            }

            await StatusResponses.WriteAsync(context, ApiStatus.Timeout(), context.RequestAborted);
        }
    }

    /// <summary>kube-apiserver's long-running check: watches and streaming or upgraded subresources have no deadline.</summary>
    private static bool IsLongRunning(HttpContext context)
    {
        var info = context.GetRequestInfo();
        return info.Verb == "watch"
            || _longRunningSubresources.Contains(info.Subresource)
            || context.Features.Get<IHttpUpgradeFeature>()?.IsUpgradableRequest == true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Proxied request {Method} {Path} did not complete within {Timeout}")]
    private static partial void LogTimedOut(ILogger logger, string method, PathString path, TimeSpan timeout);
}
