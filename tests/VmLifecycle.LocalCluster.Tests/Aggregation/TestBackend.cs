using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VmLifecycle.LocalCluster.Tests.Aggregation;

/// <summary>What an extension API server saw of one request.</summary>
internal sealed record RecordedRequest(
    string Method, string Path, string Query, IReadOnlyDictionary<string, string[]> Headers, string? ClientCertificateSubject, string Body, string ConnectionId = "");

/// <summary>
/// A stand-in extension API server over HTTPS that records every request (headers as received, one value per
/// header line) and the client certificate presented; it serves discovery, an echo, a gated stream, a WebSocket echo and a path that drops the connection unanswered.
/// </summary>
internal sealed class TestBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestBackend(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The open connections by Kestrel connection id, so a test can drop one as an idle timeout would.</summary>
    public ConcurrentDictionary<string, ConnectionContext> Connections { get; } = new(StringComparer.Ordinal);

    /// <summary>The status GET /apis/GROUP/VERSION answers (the availability probe's target).</summary>
    public int DiscoveryStatus { get; set; } = StatusCodes.Status200OK;

    /// <summary>Released by a test to let the streaming endpoint send its second chunk.</summary>
    public TaskCompletionSource SecondChunk { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<TestBackend> StartAsync(X509Certificate2 servingCertificate, string group, string version)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        TestBackend? backend = null;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Use(next => async connection =>
            {
                backend?.Connections.TryAdd(connection.ConnectionId, connection);
                try
                {
                    await next(connection);
                }
                finally
                {
                    backend?.Connections.TryRemove(connection.ConnectionId, out _);
                }
            });
            listen.UseHttps(https =>
            {
                https.ServerCertificate = servingCertificate;
                https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                https.AllowAnyClientCertificate();
            });
        }));
        var app = builder.Build();
        app.UseWebSockets();
        app.Use(async (context, next) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = context.WebSockets.IsWebSocketRequest ? "" : await reader.ReadToEndAsync(context.RequestAborted);
            backend!.Requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.QueryString.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.Select(v => v ?? "").ToArray(), StringComparer.OrdinalIgnoreCase),
                context.Connection.ClientCertificate?.Subject,
                body,
                context.Connection.Id));
            context.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));
            await next(context);
        });
        var prefix = $"/apis/{group}/{version}";
        app.MapGet(prefix, (HttpContext context) => Results.Json(
            new { kind = "APIResourceList", apiVersion = "v1", groupVersion = $"{group}/{version}", resources = Array.Empty<object>() },
            statusCode: backend!.DiscoveryStatus));
        app.MapMethods(prefix + "/namespaces/{ns}/things/{name}", ["GET", "POST", "PUT"], async (HttpContext context) =>
        {
            context.Response.StatusCode = context.Request.Method == "POST" ? StatusCodes.Status201Created : StatusCodes.Status200OK;
            context.Response.Headers["X-Backend"] = new(["one", "two"]);
            context.Response.ContentType = "application/json";
            using var reader = new StreamReader(context.Request.Body);
            await context.Response.WriteAsync($"{{\"echo\":{System.Text.Json.JsonSerializer.Serialize(await reader.ReadToEndAsync())}}}");
        });
        app.MapGet(prefix + "/namespaces/{ns}/things/{name}/last", (HttpContext context) =>
        {
            context.Response.Headers.Connection = "close";
            return Results.Json(new { last = true });
        });
        app.MapMethods(prefix + "/namespaces/{ns}/things/{name}/drop", ["GET", "PUT"], (HttpContext context) =>
        {
            // The request arrived and the connection goes down without an answer (a backend crashing mid-request).
            context.Abort();
            return Task.CompletedTask;
        });
        app.MapGet(prefix + "/stream", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"type\":\"ADDED\"}\n");
            await context.Response.Body.FlushAsync();
            await backend!.SecondChunk.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await context.Response.WriteAsync("{\"type\":\"MODIFIED\"}\n");
        });
        app.Map(prefix + "/namespaces/{ns}/things/{name}/console", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var buffer = new byte[1024];
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    return;
                }

                await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, CancellationToken.None);
            }
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        backend = new TestBackend(app, url);
        return backend;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
