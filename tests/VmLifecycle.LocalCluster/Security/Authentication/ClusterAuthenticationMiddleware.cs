using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Serving;

namespace VmLifecycle.LocalCluster.Security.Authentication;

/// <summary>
/// Authenticates every request (client certificate, bearer token), applies impersonation, and leaves the resulting
/// user on the context (<see cref="RequestUserExtensions.SetUser"/>) for the handlers after it. Answers 401
/// Unauthorized without valid credentials, 403 for a refused impersonation; both as metav1.Status.
/// </summary>
internal sealed partial class ClusterAuthenticationMiddleware(
    RequestDelegate next,
    RequestAuthenticator authenticator,
    Impersonation impersonation,
    ILogger<ClusterAuthenticationMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.RequestAborted;
        var outcome = authenticator.Authenticate(context.Connection.ClientCertificate, context.Request.Headers.Authorization);
        if (outcome.User is not { } user)
        {
            LogUnauthorized(logger, context.Request.Method, context.Request.Path, outcome.Error.Length > 0 ? outcome.Error : "no credentials");
            await StatusResponses.WriteAsync(context, ApiStatus.Unauthorized(), cancellationToken).ConfigureAwait(false);
            return;
        }

        // The credentials have served their purpose; nothing after authentication may reuse them.
        context.Request.Headers.Authorization = default;
        var (impersonated, error) = impersonation.Resolve(user, context.Request.Headers);
        if (error is not null)
        {
            LogImpersonationRefused(logger, user.Name, error.Message);
            await StatusResponses.WriteAsync(context, error, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (impersonated is not null)
        {
            Impersonation.RemoveHeaders(context.Request.Headers);
        }

        context.SetUser(impersonated ?? user);
        await next(context).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Unauthorized {Method} {Path}: {Reason}")]
    private static partial void LogUnauthorized(ILogger logger, string method, PathString path, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Impersonation by {User} refused: {Message}")]
    private static partial void LogImpersonationRefused(ILogger logger, string user, string message);
}
