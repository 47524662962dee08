using System.Globalization;

namespace VmLifecycle.EndToEnd.Tests.Robustness;

/// <summary>A server process of the local stack, by the pid its env file names: alive (as kill -0 would say) and its resident memory.</summary>
internal sealed record ServerProcess(string Name, int Pid)
{
    /// <summary>The process exists and is not a zombie.</summary>
    public bool IsAlive => Field("State:") is { } state && !state.StartsWith('Z');

    /// <summary>VmRSS from /proc/PID/status, in bytes.</summary>
    public long ResidentBytes =>
        Field("VmRSS:") is { } rss ? long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture) * 1024
        : throw new InvalidOperationException($"{Name} (pid {Pid}) is gone");

    private string? Field(string name)
    {
        try
        {
            return File.ReadLines($"/proc/{Pid}/status").FirstOrDefault(line => line.StartsWith(name, StringComparison.Ordinal))?[name.Length..].Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
