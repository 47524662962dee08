using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Discovery;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.OpenApi;

namespace VmLifecycle.LocalCluster.Serving;

/// <summary>The non-resource paths: version, health, discovery and OpenAPI.</summary>
internal sealed class NonResourceEndpoints(DiscoveryDocuments discovery, OpenApiV3Documents openApi)
{
    private static readonly string[] _healthPaths = ["/healthz", "/livez", "/readyz"];

    public async Task ServeAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var path = (context.Request.Path.Value ?? "/").TrimEnd('/');
        if (path.Length == 0)
        {
            path = "/";
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            throw ApiStatus.PathNotFound();
        }

        if (_healthPaths.Any(h => path == h || path.StartsWith(h + "/", StringComparison.Ordinal)))
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("ok", cancellationToken);
            return;
        }

        var document = Document(context, path) ?? throw ApiStatus.PathNotFound();
        await StatusResponses.WriteJsonAsync(context, document, StatusCodes.Status200OK, cancellationToken);
    }

    private JsonObject? Document(HttpContext context, string path)
    {
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts switch
        {
            [] => RootPaths(),
            ["version"] => VersionDocument.Create(),
            ["api"] => DiscoveryDocuments.ApiVersions($"{context.Request.Host.Host}:{context.Connection.LocalPort}"),
            ["api", var version] => discovery.ResourceList("", version),
            ["apis"] => discovery.GroupList(),
            ["apis", var group] => discovery.GroupDocument(group),
            ["apis", var group, var version] => discovery.ResourceList(group, version),
            ["openapi", "v3"] => openApi.Index(),
            ["openapi", "v3", "api", var version] => openApi.Document("", version),
            ["openapi", "v3", "apis", var group, var version] => openApi.Document(group, version),
            _ => null,
        };
    }

    private JsonObject RootPaths()
    {
        var paths = new List<string> { "/api", "/api/v1", "/apis", "/healthz", "/livez", "/openapi/v3", "/readyz", "/version" };
        foreach (var (group, versions) in discovery.GroupList()["groups"]!.AsArray().OfType<JsonObject>()
            .Select(g => (g["name"]!.GetValue<string>(), g["versions"]!.AsArray().Select(v => v!["version"]!.GetValue<string>()))))
        {
            paths.Add($"/apis/{group}");
            paths.AddRange(versions.Select(v => $"/apis/{group}/{v}"));
        }

        paths.Sort(StringComparer.Ordinal);
        return new JsonObject { ["paths"] = new JsonArray([.. paths.Select(p => (JsonNode?)JsonValue.Create(p))]) };
    }
}
