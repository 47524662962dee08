using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using VmLifecycle.Bench.Cluster;
using VmLifecycle.Bench.Measurements;
using VmLifecycle.Bench.Report;

namespace VmLifecycle.Bench.Rows;

/// <summary>
/// Row 4: kubectl create -f (the example VMI) until the watch shows phase Running, against virsh create of the same
/// domain XML (it returns once the domain runs). Runs alternate; each VMI and domain is removed before the next run.
/// The watch's first-seen times split the VMI's latency into stored, scheduled and running.
/// </summary>
internal static class CreateRow
{
    public static async Task<BenchRow> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var kube = new List<double>();
        var virsh = new List<double>();
        var stored = new List<double>();
        var scheduled = new List<double>();
        var started = new List<double>();
        var metricsBefore = await HandlerOperationMetrics.ReadAsync(context.Stack, cancellationToken);
        for (var i = 1; i <= context.Settings.CreateRuns; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var suffix = string.Create(CultureInfo.InvariantCulture, $"create-{i}");
            var xml = context.Baselines.Prepare(suffix);
            virsh.Add(await context.Baselines.CreateAsync(suffix, xml));
            await context.Baselines.DestroyAsync(suffix);

            var name = $"bench-{suffix}";
            var manifest = Path.Combine(context.Settings.WorkDirectory, $"{name}.json");
            await File.WriteAllTextAsync(manifest, VmiManifest.For(context.Settings.Namespace, name).ToJsonString(), cancellationToken);
            var begin = Stopwatch.GetTimestamp();
            await context.Commands.TimeAsync("kubectl", "create", "-f", manifest);
            var running = await context.Watch.RunningAsync(name, BenchContext.BootTimeout);
            kube.Add(Stats.Milliseconds(begin, running));
            var phases = context.Watch.PhasesOf(name);
            var first = phases[""];
            var scheduledAt = phases.TryGetValue("Scheduled", out var s) ? s : first;
            stored.Add(Stats.Milliseconds(begin, first));
            scheduled.Add(Stats.Milliseconds(first, scheduledAt));
            started.Add(Stats.Milliseconds(scheduledAt, running));
            await context.DeleteVmisAsync([name], cancellationToken);
        }

        var metricsAfter = await HandlerOperationMetrics.ReadAsync(context.Stack, cancellationToken);
        var added = Stats.Median(kube) - Stats.Median(virsh);
        return new BenchRow(4, "kubectl create -f vmi until Running (p50)", Format.Ms(Stats.Median(kube)),
            $"virsh create {Format.Ms(Stats.Median(virsh))}", $"{Format.Signed(added)} (<= +300 ms)", added <= 300)
        {
            Details = new JsonObject
            {
                ["runs"] = kube.Count,
                ["kubeP50Ms"] = Format.Round(Stats.Median(kube)),
                ["virshP50Ms"] = Format.Round(Stats.Median(virsh)),
                ["addedP50Ms"] = Format.Round(added),
                ["kubeSamplesMs"] = new JsonArray([.. kube.Select(k => (JsonNode)Format.Round(k))]),
                ["virshSamplesMs"] = new JsonArray([.. virsh.Select(v => (JsonNode)Format.Round(v))]),
                ["breakdownP50Ms"] = new JsonObject
                {
                    ["kubectlCreateToFirstWatchEvent"] = Format.Round(Stats.Median(stored)),
                    ["firstEventToScheduled"] = Format.Round(Stats.Median(scheduled)),
                    ["scheduledToRunning"] = Format.Round(Stats.Median(started)),
                },
                ["handlerStartMeanMs"] = HandlerOperationMetrics.MeanMs(metricsBefore, metricsAfter, "start"),
            },
        };
    }
}
