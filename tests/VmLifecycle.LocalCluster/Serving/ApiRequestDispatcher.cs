using VmLifecycle.LocalCluster.Requests;

namespace VmLifecycle.LocalCluster.Serving;

/// <summary>The terminal handler: resource requests to <see cref="ResourceEndpoints"/>, the rest to <see cref="NonResourceEndpoints"/>.</summary>
internal sealed class ApiRequestDispatcher(ResourceEndpoints resources, NonResourceEndpoints nonResources)
{
    public Task DispatchAsync(HttpContext context)
    {
        var info = context.GetRequestInfo();
        return info.IsResourceRequest
            ? resources.ServeAsync(context, info, context.RequestAborted)
            : nonResources.ServeAsync(context, context.RequestAborted);
    }
}
