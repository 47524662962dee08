using System.Globalization;

namespace VmLifecycle.Bench.Measurements;

/// <summary>
/// How busy a guest is: the CPU time of its QEMU process (found by the guest=NAME argument libvirt gives it). A
/// booting TCG guest takes most of a core for seconds; rows that measure the stack wait until their guests are idle.
/// </summary>
internal static class GuestActivity
{
    private const int TicksPerSecond = 100; // USER_HZ, the unit of utime and stime in /proc/PID/stat

    /// <summary>
    /// Waits until every QEMU process of <paramref name="domains"/> used less than 10 % of a core in each of three
    /// two-second windows in a row (a boot has quiet moments), or <paramref name="timeout"/> passed; returns how long it
    /// waited.
    /// </summary>
    public static async Task<TimeSpan> WaitUntilIdleAsync(IReadOnlyList<string> domains, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var window = TimeSpan.FromSeconds(2);
        var idleTicks = (long)(window.TotalSeconds * TicksPerSecond * 0.10);
        var idleWindows = 0;
        while (idleWindows < 3 && waited.Elapsed < timeout)
        {
            var before = domains.Select(CpuTicks).ToArray();
            await Task.Delay(window, cancellationToken);
            var after = domains.Select(CpuTicks).ToArray();
            idleWindows = before.Zip(after).All(pair => pair.Second - pair.First < idleTicks) ? idleWindows + 1 : 0;
        }

        return waited.Elapsed;
    }

    /// <summary>User + system CPU ticks of the domain's QEMU process; 0 when it has none.</summary>
    private static long CpuTicks(string domain)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline"));
                if (!commandLine.Contains($"guest={domain},", StringComparison.Ordinal))
                {
                    continue;
                }

                // The fields after the command name, which is in parentheses and may contain spaces.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended, or is not ours to read.
            }
        }

        return 0;
    }
}
