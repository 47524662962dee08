namespace VmLifecycle.Handler.Endpoints;

/// <summary>
/// <c>PUT /v1/namespaces/{ns}/virtualmachineinstances/{name}/pause|unpause</c>, called by the aggregator over mutual
/// TLS. Unlike KubeVirt, where the next domain event updates the condition later, the Paused condition is written
/// to the VMI before the answer (read-your-writes): a client that sees 200 sees the condition. The VMI's lock keeps the
/// reconciler from acting on the domain in between.
/// </summary>
internal static class PauseEndpoints
{
    public const string PausePath = "/v1/namespaces/{namespace}/virtualmachineinstances/{name}/pause";
    public const string UnpausePath = "/v1/namespaces/{namespace}/virtualmachineinstances/{name}/unpause";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPut(PausePath, (string @namespace, string name, HttpContext context, PauseHandler handler, CancellationToken cancellationToken) =>
            ClientCertificateValidator.IsAuthenticated(context) ? handler.PauseAsync(@namespace, name, cancellationToken) : Task.FromResult(Unauthenticated()));
        endpoints.MapPut(UnpausePath, (string @namespace, string name, HttpContext context, PauseHandler handler, CancellationToken cancellationToken) =>
            ClientCertificateValidator.IsAuthenticated(context) ? handler.UnpauseAsync(@namespace, name, cancellationToken) : Task.FromResult(Unauthenticated()));
    }

    private static IResult Unauthenticated() => StatusResults.Unauthorized("a client certificate signed by the handler's client CA is required");
}
