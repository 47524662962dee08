using System.Globalization;

namespace VmLifecycle.Bench.Measurements;

/// <summary>Memory figures of a process from /proc/PID/status, in KiB (VmHWM: peak resident set, VmRSS: current).</summary>
internal static class ProcessMemory
{
    public static long Read(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var value = line[(field.Length + 1)..].Trim();
                return long.Parse(value.Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"/proc/{pid}/status has no {field}");
    }
}
