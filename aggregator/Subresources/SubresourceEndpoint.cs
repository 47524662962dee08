using Microsoft.Extensions.Options;
using VmLifecycle.Aggregator.Authentication;
using VmLifecycle.Aggregator.Authorization;
using VmLifecycle.Aggregator.Responses;
using VmLifecycle.Aggregator.Serving;
using VmLifecycle.Api;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>
/// Serves <c>/apis/subresources.kubevirt.io/v1/namespaces/{ns}/{resource}/{name}/{subresource}</c> in kube-apiserver's
/// order: authorize the request as it was made (so an unknown subresource or a wrong method is a 403 for whoever may not
/// use it), then 404 for what is not served or cannot exist, 405 for a method other than PUT, 413 for a body over the
/// limit, and finally the subresource itself. Every failure is a metav1.Status.
/// </summary>
internal sealed partial class SubresourceEndpoint(
    IEnumerable<ISubresource> subresources,
    SubjectAccessReviewAuthorizer authorizer,
    IOptions<ServingOptions> servingOptions,
    ILogger<SubresourceEndpoint> logger)
{
    private readonly Dictionary<string, ISubresource> _subresources = subresources.ToDictionary(subresource => subresource.Descriptor.ResourcePath, StringComparer.Ordinal);

    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        if (!SubresourceRoute.TryParse(context.Request.Path.Value ?? "", out var route))
        {
            await StatusWriter.WriteAsync(context.Response, StatusFailure.PathNotFound(), cancellationToken);
            return;
        }

        var user = context.GetAuthenticatedUser();
        var access = new ResourceAccessRequest(
            user, ResourceAccessRequest.VerbFor(context.Request.Method), KubeVirtGroup.SubresourceName, SubresourceRoute.Version,
            route.Resource, route.Subresource, route.Namespace, route.Name);
        AccessDecision decision;
        try
        {
            decision = await authorizer.AuthorizeAsync(access, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogAuthorizationFailed(logger, e, user.Name, access.Verb, access.ResourcePath, route.Namespace, route.Name);
            await StatusWriter.WriteAsync(context.Response, StatusFailure.Internal(e.Message), cancellationToken);
            return;
        }

        if (!decision.Allowed)
        {
            LogForbidden(logger, user.Name, access.Verb, access.ResourcePath, route.Namespace, route.Name);
            await StatusWriter.WriteAsync(
                context.Response,
                StatusFailure.AccessDenied(ForbiddenMessage.For(access, decision.Reason), route.Name, access.Group, route.Resource),
                cancellationToken);
            return;
        }

        var result = await ServeAsync(context, route, user, cancellationToken);
        if (result.Failure is { } failure)
        {
            if (failure.Code == StatusCodes.Status405MethodNotAllowed)
            {
                context.Response.Headers.Allow = HttpMethods.Put;
            }

            await StatusWriter.WriteAsync(context.Response, failure, cancellationToken);
            return;
        }

        context.Response.StatusCode = result.Code;
    }

    private async Task<SubresourceResult> ServeAsync(HttpContext context, SubresourceRoute route, AuthenticatedUser user, CancellationToken cancellationToken)
    {
        if (!_subresources.TryGetValue(route.ResourcePath, out var subresource))
        {
            return SubresourceResult.Failed(StatusFailure.PathNotFound());
        }

        if (!HttpMethods.IsPut(context.Request.Method))
        {
            return SubresourceResult.Failed(StatusFailure.MethodNotAllowed());
        }

        if (!ObjectNames.IsDns1123Label(route.Namespace) || !ObjectNames.IsDns1123Subdomain(route.Name))
        {
            // No such object can exist; answer as a lookup would, without one.
            return SubresourceResult.Failed(StatusFailure.NotFound(SingularOf(route.Resource), route.Name));
        }

        var limit = servingOptions.Value.MaxRequestBodyBytes;
        var body = await RequestBodyReader.ReadAsync(context.Request, limit, cancellationToken);
        if (body is null)
        {
            return SubresourceResult.Failed(StatusFailure.RequestEntityTooLarge(limit));
        }

        return await subresource.ExecuteAsync(new SubresourceRequest(route.Namespace, route.Name, body.Value, user), cancellationToken);
    }

    private static string SingularOf(string resource) =>
        resource == Api.VirtualMachineInstances.VirtualMachineInstance.KubePluralName
            ? Api.VirtualMachineInstances.VirtualMachineInstance.KubeSingularName
            : Api.VirtualMachines.VirtualMachine.KubeSingularName;

    [LoggerMessage(Level = LogLevel.Information, Message = "Forbidden: user {User} may not {Verb} {Resource} {Namespace}/{Name}")]
    private static partial void LogForbidden(ILogger logger, string user, string verb, string resource, string @namespace, string name);

    [LoggerMessage(Level = LogLevel.Error, Message = "SubjectAccessReview failed for user {User}: {Verb} {Resource} {Namespace}/{Name}")]
    private static partial void LogAuthorizationFailed(ILogger logger, Exception exception, string user, string verb, string resource, string @namespace, string name);
}
