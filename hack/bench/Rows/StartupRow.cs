using System.Text.Json.Nodes;
using VmLifecycle.Bench.Measurements;
using VmLifecycle.Bench.Report;

namespace VmLifecycle.Bench.Rows;

/// <summary>Row 1: kubectl-virt version --client against kubectl version --client, run alternately, medians.</summary>
internal static class StartupRow
{
    public static async Task<BenchRow> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var plugin = new List<double>();
        var kubectl = new List<double>();
        for (var i = -3; i < context.Settings.StartupRuns; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var p = await context.Commands.TimeAsync(context.PluginBinary, "version", "--client");
            var k = await context.Commands.TimeAsync("kubectl", "version", "--client");
            if (i >= 0)
            {
                plugin.Add(p);
                kubectl.Add(k);
            }
        }

        var ratio = Stats.Median(plugin) / Stats.Median(kubectl);
        return new BenchRow(1, "kubectl-virt version --client (start-up)", Format.Ms(Stats.Median(plugin)),
            $"kubectl version --client {Format.Ms(Stats.Median(kubectl))}", $"{Format.Ratio(ratio)} (<= 1.0)", ratio <= 1.0)
        {
            Details = new JsonObject
            {
                ["runs"] = plugin.Count,
                ["pluginMedianMs"] = Format.Round(Stats.Median(plugin)),
                ["kubectlMedianMs"] = Format.Round(Stats.Median(kubectl)),
                ["ratio"] = Format.Round(ratio),
            },
        };
    }
}
