using System.Globalization;
using VmLifecycle.Bench.Cluster;

namespace VmLifecycle.Bench.Measurements;

/// <summary>
/// The handler's own latency histogram (vmlifecycle_handler_operation_duration_seconds, sum and count by operation),
/// read from its /metrics before and after a row: how much of a row's time the handler spent in libvirt and the disk tools.
/// </summary>
internal static class HandlerOperationMetrics
{
    public static async Task<Dictionary<string, (double Sum, double Count)>> ReadAsync(Stack stack, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, (double Sum, double Count)>(StringComparer.Ordinal);
        try
        {
            using var client = stack.HandlerClient();
            var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), cancellationToken);
            foreach (var line in text.Split('\n'))
            {
                var isSum = line.StartsWith("vmlifecycle_handler_operation_duration_seconds_sum{", StringComparison.Ordinal);
                var isCount = line.StartsWith("vmlifecycle_handler_operation_duration_seconds_count{", StringComparison.Ordinal);
                if (!isSum && !isCount)
                {
                    continue;
                }

                var from = line.IndexOf("operation=\"", StringComparison.Ordinal) + "operation=\"".Length;
                var operation = line[from..line.IndexOf('"', from)];
                var value = double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
                var current = result.GetValueOrDefault(operation);
                result[operation] = isSum ? (value, current.Count) : (current.Sum, value);
            }
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync($"bench: reading the handler's metrics: {e.Message}");
        }

        return result;
    }

    /// <summary>Mean milliseconds of an operation between two readings (null when it did not run).</summary>
    public static double? MeanMs(Dictionary<string, (double Sum, double Count)> before, Dictionary<string, (double Sum, double Count)> after, string operation)
    {
        var a = after.GetValueOrDefault(operation);
        var b = before.GetValueOrDefault(operation);
        var count = a.Count - b.Count;
        return count > 0 ? Math.Round((a.Sum - b.Sum) / count * 1000, 1) : null;
    }
}
