using System.Globalization;

namespace VmLifecycle.Bench.Measurements;

/// <summary>How figures read in the table.</summary>
internal static class Format
{
    public static string Ms(double milliseconds) =>
        milliseconds >= 1000
            ? string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 1000:0.00} s")
            : string.Create(CultureInfo.InvariantCulture, $"{milliseconds:0.0} ms");

    /// <summary>A difference with its sign: +120.0 ms, -1.20 s.</summary>
    public static string Signed(double milliseconds) => (milliseconds < 0 ? "-" : "+") + Ms(Math.Abs(milliseconds));

    public static string Ratio(double ratio) => string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00}");

    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    public static double Round(double value) => Math.Round(value, 2);
}
