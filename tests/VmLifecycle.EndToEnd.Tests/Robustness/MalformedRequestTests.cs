using VmLifecycle.EndToEnd.Tests.TestSupport;

namespace VmLifecycle.EndToEnd.Tests.Robustness;

/// <summary>
/// Issue 9's fault test "1,000 generated malformed requests against every endpoint of the aggregator and the handler: all
/// 4xx Status, no 5xx, the process alive, memory flat", against the real processes of the local stack.
/// Rule for every answer: a path that names a document or probe that exists may answer 2xx (its document, whatever the
/// odd query, header or ignored body); every other answer must be a 4xx whose body is a metav1.Status (kind Status,
/// apiVersion v1, status Failure, code equal to the HTTP code, a message); never a 5xx, never a reset connection. The
/// one exception: a path holding %00 is refused by Kestrel's request-line parser with a bare 400, before our code runs
/// (see <see cref="MalformedRequestRun"/>).
/// Memory: VmRSS after all 1,000 may exceed VmRSS after the first 100 (the warm-up: JIT, caches, connection and TLS
/// state, the GC's first heap growth) by at most 64 MiB. A leak of what these requests carry (bodies up to 1 MiB,
/// oversized ones beyond, SubjectAccessReview cache entries) would exceed that many times over, while the GC's heap
/// budget, which can grow by tens of MiB on its own before a collection returns memory, stays inside it.
/// </summary>
[Collection(LocalStackTests.Name)]
public sealed class MalformedRequestTests(LocalStackFixture stack)
{
    private const int Count = 1_000;
    private const int WarmUp = 100;
    private const long MemoryBound = 64L * 1024 * 1024;

    [Fact]
    public async Task The_aggregator_called_directly_answers_1000_malformed_requests_with_4xx_Status_and_stays_alive_and_flat()
    {
        stack.SkipOnExternalCluster("calls the local stack's aggregator port with the front-proxy certificate");
        using var client = RobustnessTargets.Aggregator(stack);

        await RunAsync(client, new MalformedRequestGenerator(9_001, MalformedRequestGenerator.Surface.Aggregator), RobustnessTargets.AggregatorProcess(stack));
    }

    [Fact]
    public async Task The_aggregator_through_the_local_cluster_answers_1000_malformed_requests_with_4xx_Status_and_stays_alive_and_flat()
    {
        stack.SkipOnExternalCluster("watches the local stack's aggregator process");
        using var client = RobustnessTargets.Cluster(stack);

        await RunAsync(client, new MalformedRequestGenerator(9_002, MalformedRequestGenerator.Surface.AggregatorThroughCluster), RobustnessTargets.AggregatorProcess(stack));
        Assert.True(RobustnessTargets.LocalClusterProcess(stack).IsAlive, "the local cluster died");
    }

    [Fact]
    public async Task The_handler_answers_1000_malformed_requests_with_4xx_Status_and_stays_alive_and_flat()
    {
        stack.SkipOnExternalCluster("calls the local stack's handler port with the aggregator's client certificate");
        using var client = RobustnessTargets.Handler(stack);

        await RunAsync(client, new MalformedRequestGenerator(9_003, MalformedRequestGenerator.Surface.Handler), RobustnessTargets.HandlerProcess(stack));
    }

    private static async Task RunAsync(HttpClient client, MalformedRequestGenerator generator, ServerProcess server)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var requests = generator.Take(Count).ToList();
        var run = new MalformedRequestRun(client);

        await run.SendAsync(requests.Take(WarmUp), cancellationToken);
        var afterWarmUp = server.ResidentBytes;
        await run.SendAsync(requests.Skip(WarmUp), cancellationToken);

        Assert.True(server.IsAlive, $"the {server.Name} (pid {server.Pid}) died");
        var afterAll = server.ResidentBytes;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{server.Name}: {run.Sent} requests, {run.Violations.Count} violations, VmRSS {afterWarmUp / 1024 / 1024} MiB after {WarmUp}, {afterAll / 1024 / 1024} MiB after {Count}");
        Assert.Equal(Count, run.Sent);
        Assert.True(run.Violations.Count == 0, $"{run.Violations.Count} of {Count} answers broke the rule:\n{string.Join('\n', run.Violations.Take(40))}");
        Assert.True(afterAll - afterWarmUp <= MemoryBound, $"VmRSS of the {server.Name} grew from {afterWarmUp} to {afterAll} bytes");
    }
}
