using System.Collections.Concurrent;
using System.Net;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VmLifecycle.Aggregator.Tests.TestSupport;

/// <summary>
/// A scripted stand-in for kube-apiserver over plain HTTP on loopback, to check what the production KubernetesClient code
/// sends (paths, verbs, content types, bodies) until the local cluster is wired in. Every request is recorded.
/// </summary>
internal sealed class FakeApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ApiRequest> _requests = new();

    private FakeApiServer(WebApplication app) => _app = app;

    public IReadOnlyList<ApiRequest> Requests => [.. _requests];

    /// <summary>Answers a request; the default is 404.</summary>
    public Func<ApiRequest, HttpContext, Task> Respond { get; set; } = (_, context) =>
    {
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    };

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FakeApiServer> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeApiServer(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var request = new ApiRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, context.Request.ContentType, await reader.ReadToEndAsync());
            server._requests.Enqueue(request);
            await server.Respond(request, context);
        });
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.Single());
        return server;
    }

    public IKubernetes Client() => new k8s.Kubernetes(new KubernetesClientConfiguration { Host = BaseAddress.ToString() });

    public static Task Json(HttpContext context, int code, string json)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

internal sealed record ApiRequest(string Method, string PathAndQuery, string? ContentType, string Body);
