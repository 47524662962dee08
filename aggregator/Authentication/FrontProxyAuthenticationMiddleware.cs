using Microsoft.AspNetCore.Connections.Features;
using VmLifecycle.Aggregator.Observability;
using VmLifecycle.Aggregator.Responses;

namespace VmLifecycle.Aggregator.Authentication;

/// <summary>
/// Authenticates every request except <see cref="AnonymousPaths"/> with <see cref="FrontProxyAuthenticator"/>; an
/// untrusted caller gets 401 before anything else runs. The user is stored on the request and added to the log scope.
/// </summary>
internal sealed partial class FrontProxyAuthenticationMiddleware(
    RequestDelegate next,
    FrontProxyAuthenticator authenticator,
    PeerIntermediateCertificates peerIntermediates,
    AggregatorMetrics metrics,
    ILogger<FrontProxyAuthenticationMiddleware> logger)
{
    private static readonly Func<ILogger, string, IDisposable?> UserScope = LoggerMessage.DefineScope<string>("User {User}");

    public async Task InvokeAsync(HttpContext context)
    {
        if (AnonymousPaths.Contains(context.Request.Path))
        {
            await next(context);
            return;
        }

        var certificate = context.Connection.ClientCertificate;
        var result = authenticator.Authenticate(
            certificate, peerIntermediates.For, context.Request.Headers, context.Features.Get<IConnectionItemsFeature>()?.Items);
        if (result.User is null)
        {
            metrics.AuthenticationFailed();
            LogRejected(logger, context.Connection.RemoteIpAddress, context.Request.Method, context.Request.Path, result.FailureReason);
            await StatusWriter.WriteAsync(context.Response, StatusFailure.Unauthorized(), context.RequestAborted);
            return;
        }

        context.SetAuthenticatedUser(result.User);
        using (UserScope(logger, result.User.Name))
        {
            await next(context);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected unauthenticated {Method} {Path} from {RemoteAddress}: {Reason}")]
    private static partial void LogRejected(ILogger logger, System.Net.IPAddress? remoteAddress, string method, PathString path, string? reason);
}
