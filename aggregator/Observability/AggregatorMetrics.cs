using Prometheus;

namespace VmLifecycle.Aggregator.Observability;

/// <summary>The aggregator's Prometheus metrics, in their own registry (served at /metrics).</summary>
internal sealed class AggregatorMetrics
{
    private readonly Counter _requests;
    private readonly Histogram _latency;
    private readonly Counter _authorizationCache;
    private readonly Counter _authenticationFailures;

    public AggregatorMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        _requests = factory.CreateCounter(
            "vm_lifecycle_aggregator_requests_total",
            "Requests served, by subresource (or discovery, health, metrics, other), HTTP method and status code.",
            new CounterConfiguration { LabelNames = ["subresource", "method", "code"] });
        _latency = factory.CreateHistogram(
            "vm_lifecycle_aggregator_request_duration_seconds",
            "Time to answer a request, by subresource and HTTP method.",
            new HistogramConfiguration { LabelNames = ["subresource", "method"], Buckets = Histogram.ExponentialBuckets(0.001, 2, 16) });
        _authorizationCache = factory.CreateCounter(
            "vm_lifecycle_aggregator_authorization_cache_total",
            "SubjectAccessReview cache lookups, by result (hit or miss).",
            new CounterConfiguration { LabelNames = ["result"] });
        _authenticationFailures = factory.CreateCounter(
            "vm_lifecycle_aggregator_authentication_failures_total",
            "Requests refused with 401 because the caller is not a trusted front proxy.");
    }

    public CollectorRegistry Registry { get; }

    public void RequestServed(string subresource, string method, int code, TimeSpan duration)
    {
        _requests.WithLabels(subresource, method, code.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
        _latency.WithLabels(subresource, method).Observe(duration.TotalSeconds);
    }

    public void AuthorizationCacheHit() => _authorizationCache.WithLabels("hit").Inc();

    public void AuthorizationCacheMiss() => _authorizationCache.WithLabels("miss").Inc();

    public void AuthenticationFailed() => _authenticationFailures.Inc();
}
