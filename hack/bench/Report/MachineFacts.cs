using System.Text.Json.Nodes;

namespace VmLifecycle.Bench.Report;

/// <summary>What the figures depend on: cores, CPU, accelerator, versions, load, commit.</summary>
internal static class MachineFacts
{
    /// <summary>/proc/loadavg: the 1, 5 and 15 minute load averages (other work on the machine skews every figure).</summary>
    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();

    public static async Task<JsonObject> CollectAsync(BenchContext context, string loadAtStart)
    {
        var template = context.Baselines.TemplateXml ?? "";
        return new JsonObject
        {
            ["dateUtc"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["nproc"] = Environment.ProcessorCount,
            ["cpuModel"] = FirstLine("/proc/cpuinfo", "model name"),
            ["memTotal"] = FirstLine("/proc/meminfo", "MemTotal"),
            ["accelerator"] = template.Contains("type=\"kvm\"", StringComparison.Ordinal) || template.Contains("type='kvm'", StringComparison.Ordinal)
                ? "KVM" : "TCG (domain type qemu)",
            ["loadAverageAtStart"] = loadAtStart,
            ["loadAverageAtEnd"] = LoadAverage(),
            ["libvirt"] = await Try(() => context.Commands.OutputAsync("virsh", "-c", "qemu:///system", "version", "--daemon")),
            ["qemu"] = await Try(() => context.Commands.OutputAsync("qemu-system-x86_64", "--version")),
            ["kubectl"] = await Try(() => context.Commands.OutputAsync("kubectl", "version", "--client")),
            ["commit"] = await Try(() => context.Commands.OutputAsync("git", "-C", context.Settings.Repository, "describe", "--always", "--dirty")),
            ["quick"] = context.Settings.Quick,
        };
    }

    private static string FirstLine(string file, string key)
    {
        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) ?? "";
        return line.Contains(':', StringComparison.Ordinal) ? line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim() : line;
    }

    private static async Task<string> Try(Func<Task<string>> read)
    {
        try
        {
            var text = (await read()).Trim();
            return string.Join("; ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3));
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }
}
