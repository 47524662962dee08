using VmLifecycle.Handler.Kubernetes;
using VmLifecycle.Handler.Libvirt;
using VmLifecycle.Handler.Lifecycle;

namespace VmLifecycle.Handler.Endpoints;

/// <summary>
/// /healthz: the process serves. /readyz: libvirt is connected, the API server answers and the first VMI list is
/// processed (so a restarted handler is ready only once it has re-adopted its domains).
/// </summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("ok"));
        endpoints.MapGet("/readyz", async (LibvirtConnection libvirt, IVirtualMachineInstanceStore store, LifecycleController controller, CancellationToken cancellationToken) =>
        {
            var failures = new List<string>();
            if (!libvirt.IsConnected)
            {
                failures.Add($"libvirt {libvirt.Uri} is not connected");
            }

            if (!await store.IsReachableAsync(cancellationToken))
            {
                failures.Add("the Kubernetes API server does not answer");
            }

            if (!controller.IsSynced)
            {
                failures.Add("the VirtualMachineInstances of this node are not synchronized yet");
            }

            return failures.Count == 0
                ? Results.Text("ok")
                : Results.Text(string.Join('\n', failures), statusCode: StatusCodes.Status503ServiceUnavailable);
        });
    }
}
