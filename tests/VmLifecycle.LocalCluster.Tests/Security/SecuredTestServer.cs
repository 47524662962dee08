using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VmLifecycle.LocalCluster.Resources;
using VmLifecycle.LocalCluster.Security;
using VmLifecycle.LocalCluster.Serving;
using VmLifecycle.LocalCluster.Security.Authentication;
using VmLifecycle.LocalCluster.Security.Authorization;

namespace VmLifecycle.LocalCluster.Tests.Security;

/// <summary>
/// A tiny HTTPS server with the real authentication middleware in front of the two endpoints kubectl's auth commands
/// call (whoami's SelfSubjectReview, can-i's SelfSubjectAccessReview), so kubectl itself can be pointed at it.
/// </summary>
internal sealed class SecuredTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SecuredTestServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public static async Task<SecuredTestServer> StartAsync(
        X509Certificate2 servingCertificate, ClusterAuthenticationOptions options, IRbacObjectSource rbac)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(https =>
        {
            https.ServerCertificate = servingCertificate;
            https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
            https.AllowAnyClientCertificate();
        })));
        var app = builder.Build();
        var authorizer = new RbacAuthorizer(rbac);
        var reviews = new AccessReviewEvaluator(authorizer, new RbacRuleResolver(rbac));
        app.UseClusterAuthentication(options, authorizer);
        var endpoints = new ReviewEndpoints(reviews);
        app.MapPost("/apis/authentication.k8s.io/v1/selfsubjectreviews", (HttpContext context) => AnswerAsync(context, endpoints, BuiltInResources.SelfSubjectReviews));
        app.MapPost("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", (HttpContext context) => AnswerAsync(context, endpoints, BuiltInResources.SelfSubjectAccessReviews));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new SecuredTestServer(app, address);
    }

    private static async Task AnswerAsync(HttpContext context, ReviewEndpoints endpoints, ResourceDefinition definition)
    {
        var body = await RequestBodies.ReadObjectAsync(context.Request, context.RequestAborted);
        var answered = endpoints.Create(definition, "", body, context.GetUser());
        await StatusResponses.WriteJsonAsync(context, answered, StatusCodes.Status201Created, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
