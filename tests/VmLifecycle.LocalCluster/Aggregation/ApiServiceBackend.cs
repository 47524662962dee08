using k8s.Models;
using VmLifecycle.LocalCluster.Aggregation.Transport;

namespace VmLifecycle.LocalCluster.Aggregation;

/// <summary>
/// One APIService as the aggregation layer serves it: the stored object, the client for its backend (null when the
/// APIService is local or no backend address is configured) and its current Available condition.
/// </summary>
internal sealed class ApiServiceBackend(V1APIService apiService, BackendHttpClient? client, string specFingerprint)
{
    private readonly Lock _lock = new();
    private V1APIServiceCondition? _available = apiService.Status?.Conditions?.FirstOrDefault(c => c.Type == "Available");
    private bool _reported;

    public string Name => ApiService.Metadata?.Name ?? "";

    public V1APIService ApiService { get; set; } = apiService;

    public BackendHttpClient? Client { get; } = client;

    public string SpecFingerprint { get; } = specFingerprint;

    public bool IsLocal => ApiService.Spec?.Service is null;

    public bool Available
    {
        get
        {
            lock (_lock)
            {
                return _available?.Status == "True";
            }
        }
    }

    public V1APIServiceCondition? AvailableCondition
    {
        get
        {
            lock (_lock)
            {
                return _available;
            }
        }
    }

    /// <summary>Carries availability over from the backend this one replaces (same APIService, changed spec).</summary>
    public void InheritCondition(ApiServiceBackend previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        lock (_lock)
        {
            _available = previous.AvailableCondition ?? _available;
        }
    }

    /// <summary>
    /// Records a probe result; returns the condition to report (first result, or status/reason/message changed),
    /// else null. lastTransitionTime moves only when the status flips.
    /// </summary>
    public V1APIServiceCondition? Record(string status, string reason, string message, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_reported && _available is { } current && current.Status == status && current.Reason == reason && current.Message == message)
            {
                return null;
            }

            var transition = _available is { } previous && previous.Status == status && previous.LastTransitionTime is { } since
                ? since
                : now.UtcDateTime;
            _available = new V1APIServiceCondition
            {
                Type = "Available",
                Status = status,
                Reason = reason,
                Message = message,
                LastTransitionTime = transition,
            };
            _reported = true;
            return _available;
        }
    }
}
