using System.Text.Json;
using k8s;
using VmLifecycle.Aggregator.Responses;
using VmLifecycle.Aggregator.Subresources;
using VmLifecycle.Api.Serialization;

namespace VmLifecycle.Aggregator.Discovery;

/// <summary>
/// GET /, /apis, /apis/subresources.kubevirt.io, /apis/subresources.kubevirt.io/v1 and its /version (authenticated
/// callers only, no authorization); /openapi/v2 is a 404, which kube-apiserver treats as "no spec".
/// </summary>
internal static class DiscoveryEndpoints
{
    public static void MapDiscovery(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/", context => GetAsync(context, () => JsonSerializer.Serialize(new { paths = DiscoveryDocuments.RootPaths })));
        endpoints.Map("/apis", context => GetAsync(context, () => KubernetesJson.Serialize(DiscoveryDocuments.GroupList())));
        endpoints.Map(SubresourceRoute.GroupPath, context => GetAsync(context, () => KubernetesJson.Serialize(DiscoveryDocuments.Group())));
        endpoints.Map(SubresourceRoute.VersionPath, context => GetAsync(context, () => KubernetesJson.Serialize(DiscoveryDocuments.ResourceList())));
        endpoints.Map(SubresourceRoute.VersionPath + "/version", context => GetAsync(context, () => KubernetesJson.Serialize(ServerVersion.Current())));
        endpoints.Map("/openapi/v2", context => StatusWriter.WriteAsync(context.Response, StatusFailure.PathNotFound(), context.RequestAborted));
    }

    /// <summary>Everything not served: 404 as a Status (kube-apiserver's wording).</summary>
    public static void MapNotFound(this IEndpointRouteBuilder endpoints) =>
        endpoints.Map("{**path}", context => StatusWriter.WriteAsync(context.Response, StatusFailure.PathNotFound(), context.RequestAborted))
            .WithOrder(int.MaxValue);

    private static async Task GetAsync(HttpContext context, Func<string> document)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Headers.Allow = HttpMethods.Get;
            await StatusWriter.WriteAsync(context.Response, StatusFailure.MethodNotAllowed(), context.RequestAborted);
            return;
        }

        context.Response.ContentType = StatusJson.ContentType;
        await context.Response.WriteAsync(document(), context.RequestAborted);
    }
}
