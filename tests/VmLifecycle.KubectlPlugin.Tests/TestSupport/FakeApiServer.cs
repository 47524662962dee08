using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;

namespace VmLifecycle.KubectlPlugin.Tests.TestSupport;

/// <summary>
/// A scripted stand-in for kube-apiserver (with the aggregator behind it): Kestrel over HTTPS on loopback with the
/// test CA's certificate, answering routes ("METHOD /path") from a script and recording every request.
/// </summary>
internal sealed class FakeApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Queue<ScriptedResponse>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private FakeApiServer(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<FakeApiServer> StartAsync(TestPki pki)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(https =>
        {
            https.ServerCertificate = pki.Server;
            https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
            https.AllowAnyClientCertificate();
        })));
        var app = builder.Build();
        var server = new FakeApiServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Url = new Uri(app.Urls.First());
        return server;
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="pathAndQuery"/> with <paramref name="responses"/>, one per request, the last one repeated.</summary>
    public void On(string method, string pathAndQuery, params ScriptedResponse[] responses) =>
        _routes[method + " " + pathAndQuery] = new Queue<ScriptedResponse>(responses);

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.QueryString.Value ?? "",
            body,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.Select(v => v ?? "").ToArray(), StringComparer.OrdinalIgnoreCase),
            context.Connection.ClientCertificate?.Subject);
        _requests.Enqueue(request);
        if (!_routes.TryGetValue(request.Method + " " + request.PathAndQuery, out var queue)
            && !_routes.TryGetValue(request.Method + " " + request.Path, out queue))
        {
            await ScriptedResponse.Status(404, "NotFound", "the server could not find the requested resource").WriteAsync(context);
            return;
        }

        ScriptedResponse response;
        lock (queue)
        {
            response = queue.Count > 1 ? queue.Dequeue() : queue.Peek();
        }

        await response.WriteAsync(context);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
