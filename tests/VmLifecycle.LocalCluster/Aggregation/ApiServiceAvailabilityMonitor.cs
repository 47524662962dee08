namespace VmLifecycle.LocalCluster.Aggregation;

/// <summary>
/// Keeps every APIService's Available condition current, as kube-aggregator's AvailableConditionController:
/// probes all of them every <see cref="AggregationOptions.ProbeInterval"/> and at once when one changes,
/// and reports changed conditions to the store.
/// </summary>
internal sealed partial class ApiServiceAvailabilityMonitor(
    ApiServiceRegistry registry,
    IApiServiceConditionSink sink,
    AggregationOptions options,
    TimeProvider timeProvider,
    ILogger<ApiServiceAvailabilityMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // Changes signalled up to now are covered by the check that follows.
            registry.Changes.TryRead(out _);
            await CheckAllAsync(stoppingToken).ConfigureAwait(false);
            await WaitForChangeOrIntervalAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>Probes every APIService once and reports the conditions that changed.</summary>
    public Task CheckAllAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(registry.Backends.Select(backend => CheckAsync(backend, cancellationToken)));

    private async Task CheckAsync(ApiServiceBackend backend, CancellationToken cancellationToken)
    {
        var (status, reason, message) = await AvailabilityProbe.CheckAsync(backend, options.ProbeTimeout, timeProvider, cancellationToken).ConfigureAwait(false);
        if (backend.Record(status, reason, message, timeProvider.GetUtcNow()) is not { } condition)
        {
            return;
        }

        LogAvailability(logger, backend.Name, status, reason, message);
        try
        {
            await sink.SetAvailableConditionAsync(backend.Name, condition, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store may have lost the APIService meanwhile; the next change or interval reports again.
            LogReportFailed(logger, backend.Name, e);
        }
    }

    private async Task WaitForChangeOrIntervalAsync(CancellationToken stoppingToken)
    {
        using var interval = new CancellationTokenSource(options.ProbeInterval, timeProvider);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, interval.Token);
        try
        {
            await registry.Changes.WaitToReadAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The interval elapsed: time for the periodic check.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "APIService {Name} Available={Status} ({Reason}): {Message}")]
    private static partial void LogAvailability(ILogger logger, string name, string status, string reason, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store the Available condition of APIService {Name}")]
    private static partial void LogReportFailed(ILogger logger, string name, Exception exception);
}
