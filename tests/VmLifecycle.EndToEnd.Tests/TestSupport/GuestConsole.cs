using System.Globalization;
using System.Text.RegularExpressions;

namespace VmLifecycle.EndToEnd.Tests.TestSupport;

/// <summary>What the test guest prints on its serial console (hack/README.md, "Serial console protocol").</summary>
internal static partial class GuestConsole
{
    public const string Booted = "VMLIFECYCLE-GUEST BOOTED";
    public const string PowerOff = "VMLIFECYCLE-GUEST POWEROFF";
    // Generous: on the shared 2-core machine under load, a TCG guest has taken over a minute to print BOOTED.
    public static readonly TimeSpan BootTimeout = TimeSpan.FromSeconds(180);

    /// <summary>
    /// The numbers of the complete <c>TICK n uptime</c> lines (ended by a newline), one per second of guest time. A line
    /// the guest was writing when it was paused is counted once it is complete.
    /// </summary>
    public static IReadOnlyList<int> Ticks(string log) =>
        [.. TickLine().Matches(log).Select(match => int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture))];

    /// <summary>The last complete tick, or 0 before the first.</summary>
    public static int LastTick(string log) => Ticks(log) is { Count: > 0 } ticks ? ticks[^1] : 0;

    [GeneratedRegex(@"VMLIFECYCLE-GUEST TICK (?<n>\d+) [0-9.]+\r?\n")]
    private static partial Regex TickLine();
}
