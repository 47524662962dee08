using System.Net.Sockets;
using System.Security.Authentication;
using VmLifecycle.LocalCluster.Aggregation.Transport;

namespace VmLifecycle.LocalCluster.Aggregation;

/// <summary>
/// kube-aggregator's availability check (remote_available_controller.go sync): GET /apis/GROUP/VERSION as
/// system:kube-aggregator in system:masters with the front-proxy certificate; any 2xx passes. Reasons and messages
/// are kube's, so `kubectl get apiservice` reads the same.
/// </summary>
internal static class AvailabilityProbe
{
    public const string KubeAggregatorUser = "system:kube-aggregator";

    /// <summary>The Available condition's status, reason and message for <paramref name="backend"/> now.</summary>
    public static async Task<(string Status, string Reason, string Message)> CheckAsync(
        ApiServiceBackend backend, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backend);
        var spec = backend.ApiService.Spec;
        if (spec.Service is null)
        {
            return ("True", "Local", "Local APIServices are always available");
        }

        if (backend.Client is not { } client)
        {
            return ("False", "ServiceNotFound", $"service/{spec.Service.Name} in \"{spec.Service.NamespaceProperty}\" is not present");
        }

        var path = $"/apis/{spec.Group}/{spec.Version}";
        var url = $"{client.Address.GetLeftPart(UriPartial.Authority)}{path}";
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var request = new BackendRequest("GET", path,
            [
                new(RemoteUserHeaders.UserHeader, KubeAggregatorUser),
                new(RemoteUserHeaders.GroupHeader, Security.UserInfo.MastersGroup),
                new("Accept", "application/json, */*"),
            ]);
            await using var response = await client.SendAsync(request, linked.Token).ConfigureAwait(false);
            return response.StatusCode is >= 200 and < 300
                ? ("True", "Passed", "all checks passed")
                : Failed(url, $"bad status from {url}: {response.StatusCode}");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Failed(url, $"Get \"{url}\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)");
        }
        catch (Exception e) when (e is IOException or SocketException or AuthenticationException)
        {
            return Failed(url, $"Get \"{url}\": {Describe(e)}");
        }
    }

    private static (string, string, string) Failed(string url, string error) =>
        ("False", "FailedDiscoveryCheck", $"failing or missing response from {url}: {error}");

    private static string Describe(Exception e) =>
        e.InnerException is { } inner && inner.Message != e.Message ? $"{e.Message}: {Describe(inner)}" : e.Message;
}
