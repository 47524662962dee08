using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;
using System.Security.Authentication;
using k8s.Models;
using Microsoft.AspNetCore.Http.Features;
using VmLifecycle.LocalCluster.Aggregation.Transport;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Security;
using VmLifecycle.LocalCluster.Serving;

namespace VmLifecycle.LocalCluster.Aggregation;

/// <summary>
/// kube-aggregator's proxy handler (pkg/apiserver/handler_proxy.go): requests under /apis/GROUP/VERSION of an
/// APIService with a service go to its backend with the original path and query, the front-proxy certificate and
/// the caller's identity in X-Remote-* headers; the answer streams back as it arrives (watch, logs), and
/// connection upgrades (exec, console, VNC) are spliced through. 503 "service unavailable" while not Available.
/// </summary>
internal sealed partial class ApiServiceProxy(ApiServiceRegistry registry, ILogger<ApiServiceProxy> logger) : IApiServiceProxy
{
    private static readonly HashSet<string> _responseHopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
    };

    public void SetApiServices(IEnumerable<V1APIService> apiServices) => registry.SetApiServices(apiServices);

    public bool TryGetApiService(string group, string version, [NotNullWhen(true)] out V1APIService? apiService)
    {
        var backend = registry.Find(group, version);
        apiService = backend is { IsLocal: false } ? backend.ApiService : null;
        return apiService is not null;
    }

    public async Task ProxyAsync(HttpContext context, UserInfo user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(user);
        var segments = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var backend = segments.Length >= 3 && segments[0] == "apis" ? registry.Find(segments[1], segments[2]) : null;
        if (backend is null || backend.IsLocal)
        {
            await StatusResponses.WriteAsync(context, ApiStatus.PathNotFound(), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!backend.Available || backend.Client is not { } client)
        {
            await WritePlainErrorAsync(context.Response, "service unavailable", cancellationToken).ConfigureAwait(false);
            return;
        }

        var upgradeFeature = context.Features.Get<IHttpUpgradeFeature>();
        var upgrade = upgradeFeature?.IsUpgradableRequest == true;
        var request = new BackendRequest(
            context.Request.Method,
            $"{context.Request.Path.ToUriComponent()}{context.Request.QueryString.ToUriComponent()}",
            RemoteUserHeaders.ForwardedHeaders(context.Request.Headers, user, upgrade),
            HasBody(context) ? context.Request.Body : null,
            context.Request.ContentLength,
            upgrade);

        BackendResponse response;
        try
        {
            response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or AuthenticationException && !cancellationToken.IsCancellationRequested)
        {
            LogBackendError(logger, backend.Name, e);
            await WritePlainErrorAsync(context.Response, e.Message, cancellationToken).ConfigureAwait(false);
            return;
        }

        await using (response.ConfigureAwait(false))
        {
            if (upgrade && response.StatusCode == StatusCodes.Status101SwitchingProtocols)
            {
                await SpliceUpgradeAsync(context, upgradeFeature!, response, cancellationToken).ConfigureAwait(false);
                return;
            }

            context.Response.StatusCode = response.StatusCode;
            CopyResponseHeaders(response, context.Response);
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            try
            {
                await response.Body.CopyToAsync(context.Response.Body, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e) when (!cancellationToken.IsCancellationRequested)
            {
                // Headers are gone already: all that is left is to end the response early, as a reverse proxy does.
                LogBackendError(logger, backend.Name, e);
                context.Abort();
            }
        }
    }

    /// <summary>Kestrel knows best (an HTTP/2 body may come without Content-Length); otherwise length or chunking tells.</summary>
    private static bool HasBody(HttpContext context) =>
        context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
        ?? (context.Request.ContentLength > 0
            || context.Request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase));

    private static void CopyResponseHeaders(BackendResponse response, HttpResponse target)
    {
        foreach (var (name, value) in response.Headers.Where(h => !_responseHopHeaders.Contains(h.Key)))
        {
            target.Headers.Append(name, value);
        }
    }

    private static async Task SpliceUpgradeAsync(HttpContext context, IHttpUpgradeFeature upgradeFeature, BackendResponse response, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in response.Headers.Where(h => !h.Key.Equals("Connection", StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Headers.Append(name, value);
        }

        var caller = await upgradeFeature.UpgradeAsync().ConfigureAwait(false);
        await using (caller.ConfigureAwait(false))
        {
            using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var toBackend = caller.CopyToAsync(response.UpgradedWrite, done.Token);
            var toCaller = response.UpgradedRead.CopyToAsync(caller, done.Token);
            await Task.WhenAny(toBackend, toCaller).ConfigureAwait(false);

            // One side closed: close the other so the remaining copy ends too.
            await done.CancelAsync().ConfigureAwait(false);
            await response.DisposeAsync().ConfigureAwait(false);
            try
            {
                await Task.WhenAll(toBackend, toCaller).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
            {
                // Expected when a side is torn down mid-copy.
            }
        }
    }

    /// <summary>kube-aggregator answers routing failures with Go's http.Error: text/plain, not a Status.</summary>
    private static async Task WritePlainErrorAsync(HttpResponse response, string message, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        await response.WriteAsync(message + "\n", cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Error while proxying a request to APIService {Name}")]
    private static partial void LogBackendError(ILogger logger, string name, Exception exception);
}
