using System.Text;
using Microsoft.AspNetCore.Http;

namespace VmLifecycle.KubectlPlugin.Tests.TestSupport;

/// <summary>How the fake API server answers a route: a status and JSON body, or a watch stream of JSON lines.</summary>
internal sealed class ScriptedResponse
{
    private readonly Func<HttpContext, Task> _write;

    private ScriptedResponse(Func<HttpContext, Task> write) => _write = write;

    public Task WriteAsync(HttpContext context) => _write(context);

    public static ScriptedResponse Json(int status, string json) => new(async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, context.RequestAborted);
    });

    /// <summary>Answers only after <paramref name="delay"/> (or when the client gives up).</summary>
    public static ScriptedResponse Slow(TimeSpan delay, ScriptedResponse then) => new(async context =>
    {
        try
        {
            await Task.Delay(delay, context.RequestAborted);
            await then.WriteAsync(context);
        }
        catch (OperationCanceledException)
        {
            // The client timed out.
        }
    });

    /// <summary>A metav1.Status error answer.</summary>
    public static ScriptedResponse Status(int status, string reason, string message) =>
        Json(status, $$"""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":{{System.Text.Json.JsonSerializer.Serialize(message)}},"reason":"{{reason}}","code":{{status}}}""");

    /// <summary>A watch stream: each event written as one line after its delay; then the stream stays open until the client leaves, or ends when <paramref name="close"/>.</summary>
    public static ScriptedResponse Watch(IEnumerable<(TimeSpan Delay, string EventJson)> events, bool close = false) => new(async context =>
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync(context.RequestAborted);
        try
        {
            foreach (var (delay, json) in events)
            {
                await Task.Delay(delay, context.RequestAborted);
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(json + "\n"), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }

            if (!close)
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The client stopped watching.
        }
    });
}
