namespace VmLifecycle.Handler.Endpoints;

/// <summary>
/// <c>PUT /v1/namespaces/{ns}/virtualmachineinstances/{name}/pause|unpause</c>, called by the aggregator over mutual
/// TLS. Unlike KubeVirt, where the next domain event updates the condition later, the Paused condition is written
/// to the VMI before the answer (read-your-writes): a client that sees 200 sees the condition. The VMI's lock keeps the
/// reconciler from acting on the domain in between. Another method on these paths is a 405 Status, and any path this
/// server does not serve a 404 Status, so that no error answer is a bare status line.
/// </summary>
internal static class PauseEndpoints
{
    public const string PausePath = "/v1/namespaces/{namespace}/virtualmachineinstances/{name}/pause";
    public const string UnpausePath = "/v1/namespaces/{namespace}/virtualmachineinstances/{name}/unpause";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(PausePath, (string @namespace, string name, HttpContext context) =>
            Serve(context, handler => handler.PauseAsync(@namespace, name, context.RequestAborted)));
        endpoints.Map(UnpausePath, (string @namespace, string name, HttpContext context) =>
            Serve(context, handler => handler.UnpauseAsync(@namespace, name, context.RequestAborted)));
        endpoints.Map("{**path}", () => StatusResults.PathNotFound()).WithOrder(int.MaxValue);
    }

    private static Task<IResult> Serve(HttpContext context, Func<PauseHandler, Task<IResult>> change)
    {
        if (!ClientCertificateValidator.IsAuthenticated(context))
        {
            return Task.FromResult(StatusResults.Unauthorized("a client certificate signed by the handler's client CA is required"));
        }

        if (!HttpMethods.IsPut(context.Request.Method))
        {
            context.Response.Headers.Allow = HttpMethods.Put;
            return Task.FromResult(StatusResults.MethodNotAllowed());
        }

        return change(context.RequestServices.GetRequiredService<PauseHandler>());
    }
}
