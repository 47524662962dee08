using System.Net;
using k8s.Autorest;
using k8s.LeaderElection;
using VmLifecycle.Aggregator.Reconciliation;

namespace VmLifecycle.Aggregator.Tests.Reconciliation;

public sealed class TransportTolerantLockTests
{
    [Fact]
    public async Task An_unreachable_api_server_is_a_failed_attempt_not_an_error()
    {
        var tolerant = new TransportTolerantLock(new UnreachableLock());

        var read = await Assert.ThrowsAsync<HttpOperationException>(() => tolerant.GetAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, read.Response.StatusCode);
        Assert.False(await tolerant.CreateAsync(new LeaderElectionRecord(), TestContext.Current.CancellationToken));
        Assert.False(await tolerant.UpdateAsync(new LeaderElectionRecord(), TestContext.Current.CancellationToken));
        Assert.Equal("me", tolerant.Identity);
    }

    private sealed class UnreachableLock : ILock
    {
        public string Identity => "me";

        public Task<LeaderElectionRecord> GetAsync(CancellationToken cancellationToken = default) => throw new HttpRequestException("Connection refused");

        public Task<bool> CreateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default) => throw new HttpRequestException("Connection refused");

        public Task<bool> UpdateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default) => throw new IOException("reset");

        public string Describe() => "default/lease";
    }
}
