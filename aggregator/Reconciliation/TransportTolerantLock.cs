using System.Net;
using k8s.Autorest;
using k8s.LeaderElection;

namespace VmLifecycle.Aggregator.Reconciliation;

/// <summary>
/// Makes an unreachable API server a failed attempt rather than an error. KubernetesClient's LeaderElector gives leadership
/// up at the first exception of a renewal; client-go keeps retrying until the renew deadline. Turning transport errors into
/// "not renewed" gives the client-go behaviour, so a short API server outage does not stop the controllers.
/// </summary>
internal sealed class TransportTolerantLock(ILock inner) : ILock
{
    public string Identity => inner.Identity;

    public async Task<LeaderElectionRecord> GetAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.GetAsync(cancellationToken);
        }
        catch (Exception e) when (IsTransport(e, cancellationToken))
        {
            // Any status but 404 makes the elector count the attempt as failed and retry after its retry period.
            throw new HttpOperationException(e.Message, e)
            {
                Response = new HttpResponseMessageWrapper(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable), e.Message),
            };
        }
    }

    public async Task<bool> CreateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.CreateAsync(record, cancellationToken);
        }
        catch (Exception e) when (IsTransport(e, cancellationToken))
        {
            return false;
        }
    }

    public async Task<bool> UpdateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.UpdateAsync(record, cancellationToken);
        }
        catch (Exception e) when (IsTransport(e, cancellationToken))
        {
            return false;
        }
    }

    public string Describe() => inner.Describe();

    private static bool IsTransport(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);
}
