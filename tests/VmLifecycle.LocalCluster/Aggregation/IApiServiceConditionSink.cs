using k8s.Models;

namespace VmLifecycle.LocalCluster.Aggregation;

/// <summary>
/// Implemented by the store: receives an APIService's Available condition whenever the availability monitor
/// changes it, to write into status.conditions (replacing the condition of the same type).
/// </summary>
internal interface IApiServiceConditionSink
{
    Task SetAvailableConditionAsync(string apiServiceName, V1APIServiceCondition condition, CancellationToken cancellationToken);
}
