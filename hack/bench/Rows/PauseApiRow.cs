using System.Diagnostics;
using System.Text.Json.Nodes;
using VmLifecycle.Bench.Baselines;
using VmLifecycle.Bench.Measurements;
using VmLifecycle.Bench.Report;

namespace VmLifecycle.Bench.Rows;

/// <summary>
/// Row 3: pause + unpause PUTs over HTTPS through the local cluster's aggregation proxy (kubectl's path, one kept-alive
/// connection), one pair after another; p50/p99 of the pair against virDomainSuspend + virDomainResume in-process.
/// </summary>
internal static class PauseApiRow
{
    public static async Task<BenchRow> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var calls = context.Settings.PauseApiCalls;
        var pairs = new List<double>(calls);
        var pauses = new List<double>(calls);
        var metricsBefore = await HandlerOperationMetrics.ReadAsync(context.Stack, cancellationToken);
        for (var i = -context.Settings.PauseApiWarmupPairs; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await context.Vmis.ActAsync(BenchContext.PauseVmi, "pause", dryRun: false, cancellationToken);
            var paused = Stopwatch.GetTimestamp();
            await context.Vmis.ActAsync(BenchContext.PauseVmi, "unpause", dryRun: false, cancellationToken);
            var end = Stopwatch.GetTimestamp();
            if (i >= 0)
            {
                pairs.Add(Stats.Milliseconds(start, end));
                pauses.Add(Stats.Milliseconds(start, paused));
            }
        }

        var metricsAfter = await HandlerOperationMetrics.ReadAsync(context.Stack, cancellationToken);
        using var libvirt = new InProcessLibvirt("qemu:///system");
        libvirt.SuspendResume(BaselineDomains.Prefix + BenchContext.PauseBaseline, 5);
        var baseline = libvirt.SuspendResume(BaselineDomains.Prefix + BenchContext.PauseBaseline, calls);

        var p50 = Stats.Median(pairs);
        var p99 = Stats.Percentile(pairs, 99);
        return new BenchRow(3, $"pause + unpause via API, {calls} pairs", $"p50 {Format.Ms(p50)}, p99 {Format.Ms(p99)}",
            $"libvirt in-process p50 {Format.Ms(Stats.Median(baseline))}, p99 {Format.Ms(Stats.Percentile(baseline, 99))}",
            $"p99 {Format.Ms(p99)} (< 50 ms)", p99 < 50)
        {
            Details = new JsonObject
            {
                ["pairs"] = calls,
                ["p50Ms"] = Format.Round(p50),
                ["p99Ms"] = Format.Round(p99),
                ["maxMs"] = Format.Round(pairs.Max()),
                // Where the tail is: the slowest pairs, by their place in the run (early ones point at warm-up).
                ["slowestPairs"] = new JsonArray([.. pairs.Select((ms, index) => (ms, index)).OrderByDescending(p => p.ms).Take(5)
                    .Select(p => (JsonNode)new JsonObject { ["index"] = p.index, ["ms"] = Format.Round(p.ms) })]),
                ["pauseOnlyP50Ms"] = Format.Round(Stats.Median(pauses)),
                ["pauseOnlyP99Ms"] = Format.Round(Stats.Percentile(pauses, 99)),
                ["libvirtP50Ms"] = Format.Round(Stats.Median(baseline)),
                ["libvirtP99Ms"] = Format.Round(Stats.Percentile(baseline, 99)),
                ["handlerSuspendMeanMs"] = HandlerOperationMetrics.MeanMs(metricsBefore, metricsAfter, "pause"),
                ["handlerResumeMeanMs"] = HandlerOperationMetrics.MeanMs(metricsBefore, metricsAfter, "unpause"),
                ["ratioP50"] = Format.Round(p50 / Stats.Median(baseline)),
            },
        };
    }
}
