using System.Globalization;

namespace VmLifecycle.KubectlPlugin.Cli;

/// <summary>Parses durations as Go's time.ParseDuration writes them (<c>300ms</c>, <c>1m30s</c>, <c>2h</c>) and formats them back.</summary>
internal static class GoDuration
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (text is "0")
        {
            return true;
        }

        var span = text.AsSpan();
        if (span.IsEmpty)
        {
            return false;
        }

        double totalMs = 0;
        while (!span.IsEmpty)
        {
            var numberLength = 0;
            while (numberLength < span.Length && (char.IsAsciiDigit(span[numberLength]) || span[numberLength] == '.'))
            {
                numberLength++;
            }

            if (numberLength == 0 || !double.TryParse(span[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            span = span[numberLength..];
            var unitLength = 0;
            while (unitLength < span.Length && !char.IsAsciiDigit(span[unitLength]) && span[unitLength] != '.')
            {
                unitLength++;
            }

            double? unitMs = span[..unitLength] switch
            {
                "ns" => 1e-6,
                "us" or "µs" => 1e-3,
                "ms" => 1,
                "s" => 1000,
                "m" => 60_000,
                "h" => 3_600_000,
                _ => null,
            };
            if (unitMs is null)
            {
                return false;
            }

            totalMs += number * unitMs.Value;
            span = span[unitLength..];
        }

        duration = TimeSpan.FromMilliseconds(totalMs);
        return true;
    }

    /// <summary>Formats as Go does for whole seconds: <c>5m0s</c>, <c>1h0m0s</c>, <c>30s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        var seconds = (long)duration.TotalSeconds;
        var hours = seconds / 3600;
        var minutes = seconds % 3600 / 60;
        var rest = seconds % 60;
        return hours > 0 ? string.Create(CultureInfo.InvariantCulture, $"{hours}h{minutes}m{rest}s")
            : minutes > 0 ? string.Create(CultureInfo.InvariantCulture, $"{minutes}m{rest}s")
            : string.Create(CultureInfo.InvariantCulture, $"{rest}s");
    }
}
