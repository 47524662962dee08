using System.Threading.Channels;
using k8s.Models;
using VmLifecycle.LocalCluster.Aggregation;

namespace VmLifecycle.LocalCluster.Tests.Aggregation;

/// <summary>Stands in for the store: records every Available condition reported, in order.</summary>
internal sealed class RecordingConditionSink : IApiServiceConditionSink
{
    private readonly Channel<(string Name, V1APIServiceCondition Condition)> _reports = Channel.CreateUnbounded<(string, V1APIServiceCondition)>();

    public Task SetAvailableConditionAsync(string apiServiceName, V1APIServiceCondition condition, CancellationToken cancellationToken) =>
        _reports.Writer.WriteAsync((apiServiceName, condition), cancellationToken).AsTask();

    public async Task<V1APIServiceCondition> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return (await _reports.Reader.ReadAsync(timeout.Token)).Condition;
    }

    public bool HasPending => _reports.Reader.TryPeek(out _);
}
