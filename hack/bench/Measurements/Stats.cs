namespace VmLifecycle.Bench.Measurements;

/// <summary>Order statistics of samples in milliseconds (nearest-rank percentiles, median of the two middle values).</summary>
internal static class Stats
{
    public static double Median(IReadOnlyCollection<double> samples)
    {
        var sorted = Sorted(samples);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static double Percentile(IReadOnlyCollection<double> samples, double percent)
    {
        var sorted = Sorted(samples);
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Milliseconds(long fromTimestamp, long toTimestamp) =>
        (toTimestamp - fromTimestamp) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;

    private static double[] Sorted(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
        {
            throw new InvalidOperationException("no samples");
        }

        var sorted = samples.ToArray();
        Array.Sort(sorted);
        return sorted;
    }
}
