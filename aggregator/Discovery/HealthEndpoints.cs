using System.Text.Json.Nodes;
using k8s;
using VmLifecycle.Aggregator.Authentication;
using VmLifecycle.Aggregator.Caching;
using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Aggregator.Serving;

namespace VmLifecycle.Aggregator.Discovery;

/// <summary>
/// Probes, all without authentication: /livez (the process serves), /readyz (serving certificate and front-proxy CA are
/// loaded, the watch cache has listed), and /healthz plus KubeVirt's readiness path /apis/subresources.kubevirt.io/v1/healthz with virt-api's body
/// <c>{"apiserver":{"connectivity":"ok","version":...},"config-resource-version":"..."}</c> (500 and "failed" when the
/// API server cannot be reached). The config resource version is that of the request-header ConfigMap.
/// </summary>
internal static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(AnonymousPaths.Livez, context => context.Response.WriteAsync("ok", context.RequestAborted));
        endpoints.Map(AnonymousPaths.Readyz, ReadyAsync);
        endpoints.Map(AnonymousPaths.Healthz, HealthAsync);
        endpoints.Map(AnonymousPaths.GroupHealthz, HealthAsync);
    }

    private static async Task ReadyAsync(HttpContext context)
    {
        var certificate = context.RequestServices.GetRequiredService<ServingCertificate>();
        var settings = context.RequestServices.GetRequiredService<IRequestHeaderSettingsSource>();
        var cache = context.RequestServices.GetRequiredService<IWatchCache>();
        var failures = new List<string>();
        if (certificate.Current is null)
        {
            failures.Add("[-]serving-certificate failed: not loaded");
        }

        if (settings.Current is not { ClientCertificateAuthorities.Count: > 0 })
        {
            failures.Add("[-]requestheader-client-ca failed: not loaded");
        }

        if (!cache.IsSynced)
        {
            failures.Add("[-]informer-sync failed: not synced");
        }

        context.Response.StatusCode = failures.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError;
        await context.Response.WriteAsync(failures.Count == 0 ? "ok" : string.Join('\n', failures) + "\nreadyz check failed", context.RequestAborted);
    }

    private static async Task HealthAsync(HttpContext context)
    {
        var probe = context.RequestServices.GetRequiredService<IKubernetesVersionProbe>();
        var settings = context.RequestServices.GetRequiredService<IRequestHeaderSettingsSource>();
        var apiserver = new JsonObject();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var version = await probe.GetVersionAsync(timeout.Token);
            apiserver["connectivity"] = "ok";
            apiserver["version"] = JsonNode.Parse(KubernetesJson.Serialize(version));
            context.Response.StatusCode = StatusCodes.Status200OK;
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            apiserver["connectivity"] = "failed";
            apiserver["error"] = e.Message;
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }

        var body = new JsonObject { ["apiserver"] = apiserver, ["config-resource-version"] = settings.Current?.Version ?? "" };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
