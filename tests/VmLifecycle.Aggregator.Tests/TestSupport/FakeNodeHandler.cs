using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;

namespace VmLifecycle.Aggregator.Tests.TestSupport;

/// <summary>
/// A test double of the node handler's lifecycle endpoint (until the handler lands): HTTPS on loopback, a client
/// certificate required and checked against the aggregator's client CA, every call recorded, the answer configurable.
/// </summary>
internal sealed class FakeNodeHandler : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<HandlerCall> _calls = new();

    private FakeNodeHandler(WebApplication app) => _app = app;

    public IReadOnlyList<HandlerCall> Calls => [.. _calls];

    /// <summary>The status code and body of the next answers; 202 with no body by default.</summary>
    public (int Code, string Body) Answer { get; set; } = (202, "");

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<FakeNodeHandler> StartAsync(X509Certificate2 servingCertificate, X509Certificate2 clientAuthority)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = servingCertificate,
            ClientCertificateMode = ClientCertificateMode.RequireCertificate,
            ClientCertificateValidation = (certificate, _, _) =>
            {
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(clientAuthority);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(certificate);
            },
        })));
        var app = builder.Build();
        var handler = new FakeNodeHandler(app);
        app.MapPut("/v1/namespaces/{ns}/virtualmachineinstances/{name}/{action}", async (HttpContext context, string ns, string name, string action) =>
        {
            handler._calls.Enqueue(new HandlerCall(ns, name, action, context.Connection.ClientCertificate?.GetNameInfo(X509NameType.SimpleName, false)));
            context.Response.StatusCode = handler.Answer.Code;
            if (handler.Answer.Body.Length > 0)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(handler.Answer.Body);
            }
        });
        await app.StartAsync();
        handler.Endpoint = new Uri(app.Urls.Single());
        return handler;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

internal sealed record HandlerCall(string Namespace, string Name, string Action, string? ClientCommonName);
