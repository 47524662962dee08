namespace VmLifecycle.LocalCluster.Security.Authentication;

/// <summary>How the request pipeline installs authentication: before anything that reads the user or authorizes.</summary>
internal static class ClusterAuthenticationApplicationBuilderExtensions
{
    /// <summary>
    /// Authenticates with <paramref name="options"/> (the token file is read now, as kube-apiserver reads it at start)
    /// and authorizes impersonation with <paramref name="authorizer"/>. Time comes from the registered TimeProvider, if any.
    /// </summary>
    public static IApplicationBuilder UseClusterAuthentication(
        this IApplicationBuilder app, ClusterAuthenticationOptions options, IAuthorizer authorizer)
    {
        ArgumentNullException.ThrowIfNull(app);
        var timeProvider = app.ApplicationServices.GetService<TimeProvider>() ?? TimeProvider.System;
        return app.UseMiddleware<ClusterAuthenticationMiddleware>(
            RequestAuthenticator.Create(options, timeProvider),
            new Impersonation(authorizer));
    }
}
