using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using VmLifecycle.Bench.Cluster;
using VmLifecycle.Bench.Measurements;
using VmLifecycle.Bench.Report;

namespace VmLifecycle.Bench.Rows;

/// <summary>
/// Row 7: dry-run pause PUTs per second (options body {"dryRun":["All"]}, which is where the aggregator reads it) from
/// concurrent workers over kept-alive connections, after a warm-up that fills the authorization cache: straight to
/// the aggregator as the aggregation proxy calls it (the target), and through the local cluster (for information).
/// </summary>
internal static class DryRunRow
{
    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var workers = context.Settings.ThroughputWorkers;
        using var direct = context.Stack.FrontProxyClient(workers);
        var straightApi = new VmiApi(direct, context.Settings.Namespace);
        var straight = await MeasureAsync(ct => straightApi.ActAsync(BenchContext.PauseVmi, "pause", dryRun: true, ct), context, cancellationToken);
        var proxied = await MeasureAsync(ct => context.Vmis.ActAsync(BenchContext.PauseVmi, "pause", dryRun: true, ct), context, cancellationToken);

        // Each dry run reads the VMI from the API server: the local cluster's GET rate bounds the aggregator's.
        var getPath = new Uri($"{context.Vmis.CollectionPath}/{BenchContext.PauseVmi}", UriKind.Relative);
        var reads = await MeasureAsync(async ct =>
        {
            using var response = await context.Cluster.GetAsync(getPath, ct);
            await response.Content.ReadAsByteArrayAsync(ct);
            return response.StatusCode;
        }, context, cancellationToken);
        return
        [
            new BenchRow(7, "dry-run pause req/s, straight to aggregator", Format.Number(straight.PerSecond, "0"), "-",
                ">= 2000 req/s", straight.PerSecond >= 2000 && straight.Failed == 0) { Details = straight.ToJson(workers) },
            new BenchRow(7, "dry-run pause req/s, through local cluster", Format.Number(proxied.PerSecond, "0"), "-",
                "(information)", null) { Details = proxied.ToJson(workers) },
            new BenchRow(7, "(profile) GET vmi req/s on the local cluster", Format.Number(reads.PerSecond, "0"), "-",
                "(information)", null) { Details = reads.ToJson(workers) },
        ];
    }

    private static async Task<Throughput> MeasureAsync(Func<CancellationToken, Task<HttpStatusCode>> call, BenchContext context, CancellationToken cancellationToken)
    {
        await RunForAsync(call, context.Settings.ThroughputWorkers, TimeSpan.FromSeconds(2), cancellationToken);
        return await RunForAsync(call, context.Settings.ThroughputWorkers, context.Settings.ThroughputDuration, cancellationToken);
    }

    private static async Task<Throughput> RunForAsync(Func<CancellationToken, Task<HttpStatusCode>> call, int workers, TimeSpan duration, CancellationToken cancellationToken)
    {
        long ok = 0, failed = 0;
        var latencies = new List<double>[workers];
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = [];
            while (Stopwatch.GetTimestamp() < end)
            {
                var before = Stopwatch.GetTimestamp();
                var status = await call(cancellationToken);
                mine.Add(Stats.Milliseconds(before, Stopwatch.GetTimestamp()));
                Interlocked.Increment(ref status == HttpStatusCode.OK ? ref ok : ref failed);
            }
        }, cancellationToken)));
        var seconds = Stats.Milliseconds(start, Stopwatch.GetTimestamp()) / 1000;
        var all = latencies.SelectMany(l => l).ToList();
        return new Throughput(ok / seconds, ok, failed, seconds, Stats.Median(all), Stats.Percentile(all, 99));
    }

    private sealed record Throughput(double PerSecond, long Ok, long Failed, double Seconds, double P50, double P99)
    {
        public JsonObject ToJson(int workers) => new()
        {
            ["requestsPerSecond"] = Format.Round(PerSecond),
            ["ok"] = Ok,
            ["failed"] = Failed,
            ["seconds"] = Format.Round(Seconds),
            ["workers"] = workers,
            ["latencyP50Ms"] = Format.Round(P50),
            ["latencyP99Ms"] = Format.Round(P99),
        };
    }
}
