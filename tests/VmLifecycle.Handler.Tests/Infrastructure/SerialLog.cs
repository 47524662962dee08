using System.Text.RegularExpressions;

namespace VmLifecycle.Handler.Tests.Infrastructure;

/// <summary>Reads a guest's serial console log (written by libvirt as root, CRLF lines).</summary>
internal static partial class SerialLog
{
    public static string Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return "";
        }
    }

    /// <summary>The highest TICK number in the log, or -1.</summary>
    public static int LastTick(string path)
    {
        var ticks = TickPattern().Matches(Read(path));
        return ticks.Count == 0 ? -1 : int.Parse(ticks[^1].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Task WaitForAsync(string path, string text, TimeSpan timeout) =>
        Eventually.WaitAsync(() => Read(path).Contains(text, StringComparison.Ordinal), timeout, $"\"{text}\" in {path}");

    public static Task WaitForTickAsync(string path, int atLeast, TimeSpan timeout) =>
        Eventually.WaitAsync(() => LastTick(path) >= atLeast, timeout, $"tick {atLeast} in {path}");

    [GeneratedRegex(@"VMLIFECYCLE-GUEST TICK (\d+)")]
    private static partial Regex TickPattern();
}
