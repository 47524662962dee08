using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using VmLifecycle.Bench.Measurements;
using VmLifecycle.Bench.Report;

namespace VmLifecycle.Bench.Rows;

/// <summary>
/// Rows 5 and 6: N VMIs POSTed at once until all are Running, against N virsh create one after another (same XML);
/// with the N VMIs running, the peak RSS (VmHWM) of the handler and the aggregator. Everything is removed right after.
/// </summary>
internal static class DensityRow
{
    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var count = context.Settings.DensityVmis;
        var kube = new List<double>();
        var virsh = new List<double>();
        long handlerPeak = 0, aggregatorPeak = 0, handlerRss = 0, aggregatorRss = 0;
        for (var run = 1; run <= context.Settings.DensityRuns; run++)
        {
            var suffixes = Enumerable.Range(1, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"dense-{run}-{i}")).ToList();
            var files = suffixes.Select(context.Baselines.Prepare).ToList();
            var begin = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await context.Baselines.CreateAsync(suffixes[i], files[i]);
            }

            virsh.Add(Stats.Milliseconds(begin, Stopwatch.GetTimestamp()));
            await Parallel.ForEachAsync(suffixes, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
                async (suffix, _) => await context.Baselines.DestroyAsync(suffix));
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);

            var names = suffixes.Select(s => $"bench-{s}").ToList();
            begin = Stopwatch.GetTimestamp();
            await Task.WhenAll(names.Select(name => context.Vmis.CreateAsync(name, cancellationToken)));
            var running = await Task.WhenAll(names.Select(name => context.Watch.RunningAsync(name, BenchContext.BootTimeout)));
            kube.Add(Stats.Milliseconds(begin, running.Max()));

            foreach (var pid in context.Stack.HandlerPids)
            {
                handlerPeak = Math.Max(handlerPeak, ProcessMemory.Read(pid, "VmHWM"));
                handlerRss = Math.Max(handlerRss, ProcessMemory.Read(pid, "VmRSS"));
            }

            aggregatorPeak = Math.Max(aggregatorPeak, ProcessMemory.Read(context.Stack.AggregatorPid, "VmHWM"));
            aggregatorRss = Math.Max(aggregatorRss, ProcessMemory.Read(context.Stack.AggregatorPid, "VmRSS"));
            await context.DeleteVmisAsync(names, cancellationToken);
        }

        var ratio = Stats.Median(kube) / Stats.Median(virsh);
        var handlerMiB = handlerPeak / 1024.0;
        var aggregatorMiB = aggregatorPeak / 1024.0;
        return
        [
            new BenchRow(5, $"{count} VMIs created at once until all Running", Format.Ms(Stats.Median(kube)),
                $"{count} x virsh create in a row {Format.Ms(Stats.Median(virsh))}", $"{Format.Ratio(ratio)} (<= 1.0)", ratio <= 1.0)
            {
                Details = new JsonObject
                {
                    ["vmis"] = count,
                    ["runs"] = kube.Count,
                    ["kubeMedianMs"] = Format.Round(Stats.Median(kube)),
                    ["virshMedianMs"] = Format.Round(Stats.Median(virsh)),
                    ["ratio"] = Format.Round(ratio),
                },
            },
            new BenchRow(6, $"handler peak RSS, {count} VMIs running", $"{Format.Number(handlerMiB, "0")} MiB", "-",
                "<= 150 MiB", handlerMiB <= 150)
            {
                Details = new JsonObject { ["vmHwmMiB"] = Format.Round(handlerMiB), ["vmRssMiB"] = Format.Round(handlerRss / 1024.0) },
            },
            new BenchRow(6, $"aggregator peak RSS, {count} VMIs running", $"{Format.Number(aggregatorMiB, "0")} MiB", "-",
                "<= 200 MiB", aggregatorMiB <= 200)
            {
                Details = new JsonObject { ["vmHwmMiB"] = Format.Round(aggregatorMiB), ["vmRssMiB"] = Format.Round(aggregatorRss / 1024.0) },
            },
        ];
    }
}
