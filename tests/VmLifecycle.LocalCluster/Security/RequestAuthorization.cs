using VmLifecycle.LocalCluster.Security.Authorization;
using VmLifecycle.LocalCluster.Requests;
using VmLifecycle.LocalCluster.Serving;

namespace VmLifecycle.LocalCluster.Security;

/// <summary>
/// Resolves each request into <see cref="RequestAttributes"/> (kube-apiserver's RequestInfo) and asks the
/// <see cref="IAuthorizer"/>; a denial is answered with kube-apiserver's 403 Forbidden Status.
/// </summary>
internal sealed class RequestAuthorization(RequestDelegate next, IAuthorizer authorizer)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var info = ApiRequestInfoParser.Parse(context.Request.Method, context.Request.Path.Value ?? "/", context.Request.Query);
        context.SetRequestInfo(info);
        var attributes = AttributesFor(context.GetUser(), info);
        var decision = authorizer.Authorize(attributes);
        if (!decision.Allowed)
        {
            await StatusResponses.WriteAsync(context, ForbiddenMessages.Status(attributes, decision.Reason), context.RequestAborted);
            return;
        }

        await next(context);
    }

    public static RequestAttributes AttributesFor(UserInfo user, ApiRequestInfo info) =>
        new(user, info.Verb, info.IsResourceRequest, info.Path, info.Group, info.Version, info.Resource, info.Subresource, info.Namespace, info.Name);
}
