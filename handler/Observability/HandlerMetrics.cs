using System.Diagnostics;
using Prometheus;
using VmLifecycle.Handler.Domains;
using VmLifecycle.Handler.Libvirt;

namespace VmLifecycle.Handler.Observability;

/// <summary>
/// The handler's Prometheus metrics: domains of this node by state, and lifecycle operations (start, power button,
/// destroy, remove, pause, unpause) by result with their latency.
/// </summary>
internal static class HandlerMetrics
{
    private static readonly Gauge _domains = Metrics.CreateGauge(
        "vmlifecycle_handler_domains", "Domains of this node by libvirt state.", new GaugeConfiguration { LabelNames = ["state"] });

    private static readonly Counter _operations = Metrics.CreateCounter(
        "vmlifecycle_handler_operations_total", "Domain lifecycle operations by result.", new CounterConfiguration { LabelNames = ["operation", "result"] });

    private static readonly Histogram _latency = Metrics.CreateHistogram(
        "vmlifecycle_handler_operation_duration_seconds", "Latency of domain lifecycle operations.",
        new HistogramConfiguration { LabelNames = ["operation"], Buckets = Histogram.ExponentialBuckets(0.01, 2, 12) });

    private static readonly Counter _events = Metrics.CreateCounter(
        "vmlifecycle_handler_domain_events_total", "libvirt lifecycle events received.", new CounterConfiguration { LabelNames = ["event"] });

    private static int _adaptersSuppressed;

    /// <summary>
    /// Keeps prometheus-net's default registry to the handler's own metrics and the process's (CPU, memory, threads,
    /// GC counts): its EventCounter and Meter adapters would listen to every EventSource counter and Meter of the runtime,
    /// Kestrel, HttpClient and QUIC (a listener, a polling timer, ~190 series), which costs memory in a per-node daemon
    /// and which nobody scrapes from it. Takes effect before the first metric is collected; once per process.
    /// </summary>
    public static void SuppressRuntimeAdapters()
    {
        if (Interlocked.Exchange(ref _adaptersSuppressed, 1) == 0)
        {
            Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressEventCounters = true, SuppressMeters = true });
        }
    }

    public static void SetDomains(IEnumerable<NodeDomain> domains)
    {
        var counts = domains.GroupBy(d => d.Status.State).ToDictionary(g => g.Key, g => g.Count());
        foreach (var state in Enum.GetValues<DomainState>())
        {
            _domains.WithLabels(state.ToString()).Set(counts.GetValueOrDefault(state));
        }
    }

    public static void CountEvent(DomainLifecycleEventType type) => _events.WithLabels(type.ToString()).Inc();

    /// <summary>Runs and measures an operation.</summary>
    public static T Measure<T>(string operation, Func<T> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = call();
            _operations.WithLabels(operation, "success").Inc();
            return result;
        }
        catch
        {
            _operations.WithLabels(operation, "failure").Inc();
            throw;
        }
        finally
        {
            _latency.WithLabels(operation).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    public static void Measure(string operation, Action call) => Measure(operation, () =>
    {
        call();
        return 0;
    });

    public static async Task MeasureAsync(string operation, Func<Task> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await call();
            _operations.WithLabels(operation, "success").Inc();
        }
        catch
        {
            _operations.WithLabels(operation, "failure").Inc();
            throw;
        }
        finally
        {
            _latency.WithLabels(operation).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}
