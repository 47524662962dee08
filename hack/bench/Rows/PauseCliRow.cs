using System.Text.Json.Nodes;
using VmLifecycle.Bench.Measurements;
using VmLifecycle.Bench.Report;

namespace VmLifecycle.Bench.Rows;

/// <summary>
/// Row 2: kubectl virt pause vmi + unpause vmi (each until it returns, i.e. until the VMI shows the change) against
/// virsh suspend + resume of a domain with the same XML; medians of the pair. kubectl-virt called directly is shown too,
/// and the floor kubectl itself sets: two `kubectl virt version --client` (kubectl's start and plugin dispatch, the
/// plugin's start, no request).
/// </summary>
internal static class PauseCliRow
{
    public static async Task<BenchRow> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var ns = context.Settings.Namespace;
        var viaKubectl = new List<double>();
        var direct = new List<double>();
        var floor = new List<double>();
        var virsh = new List<double>();
        for (var i = -1; i < context.Settings.PauseCliRuns; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var k = await context.Commands.TimeAsync("kubectl", "virt", "pause", "vmi", BenchContext.PauseVmi, "-n", ns)
                + await context.Commands.TimeAsync("kubectl", "virt", "unpause", "vmi", BenchContext.PauseVmi, "-n", ns);
            var d = await context.Commands.TimeAsync(context.PluginBinary, "pause", "vmi", BenchContext.PauseVmi, "-n", ns)
                + await context.Commands.TimeAsync(context.PluginBinary, "unpause", "vmi", BenchContext.PauseVmi, "-n", ns);
            var f = await context.Commands.TimeAsync("kubectl", "virt", "version", "--client")
                + await context.Commands.TimeAsync("kubectl", "virt", "version", "--client");
            var v = await context.Baselines.SuspendAsync(BenchContext.PauseBaseline)
                + await context.Baselines.ResumeAsync(BenchContext.PauseBaseline);
            if (i >= 0)
            {
                viaKubectl.Add(k);
                direct.Add(d);
                floor.Add(f);
                virsh.Add(v);
            }
        }

        var ratio = Stats.Median(viaKubectl) / Stats.Median(virsh);
        return new BenchRow(2, "kubectl virt pause + unpause vmi", Format.Ms(Stats.Median(viaKubectl)),
            $"virsh suspend + resume {Format.Ms(Stats.Median(virsh))}", $"{Format.Ratio(ratio)} (<= 1.5)", ratio <= 1.5)
        {
            Details = new JsonObject
            {
                ["runs"] = viaKubectl.Count,
                ["kubectlVirtMedianMs"] = Format.Round(Stats.Median(viaKubectl)),
                ["kubectlVirtPluginDirectMedianMs"] = Format.Round(Stats.Median(direct)),
                ["kubectlDispatchFloorMedianMs"] = Format.Round(Stats.Median(floor)),
                ["virshMedianMs"] = Format.Round(Stats.Median(virsh)),
                ["ratio"] = Format.Round(ratio),
                ["ratioPluginDirect"] = Format.Round(Stats.Median(direct) / Stats.Median(virsh)),
                ["ratioKubectlDispatchFloor"] = Format.Round(Stats.Median(floor) / Stats.Median(virsh)),
            },
        };
    }
}
