using System.Text.Json.Nodes;
using k8s;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Resources;
using VmLifecycle.LocalCluster.Security;
using VmLifecycle.LocalCluster.Security.Authorization;
using VmLifecycle.LocalCluster.Storage;

namespace VmLifecycle.LocalCluster.Controllers;

/// <summary>
/// kube-controller-manager's clusterrole-aggregation controller: after any ClusterRole is created, updated or deleted
/// (and once at start, after the bootstrap policy), every ClusterRole with an aggregationRule gets the rules of the
/// roles its selectors match.
/// </summary>
internal sealed partial class ClusterRoleAggregationController(
    ObjectStore store,
    ResourceRegistry registry,
    IRbacObjectSource rbac,
    ResourceReader reader,
    ResourceWriter writer,
    ILogger<ClusterRoleAggregationController> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var clusterRoles = ClusterRoles();
        using var queue = new StoreChangeQueue(store, change => change.Key.StorageKey == clusterRoles.StorageKey);
        while (await queue.WaitAsync(stoppingToken))
        {
            queue.Consume();
            try
            {
                Sync(clusterRoles);
            }
            catch (StatusException exception)
            {
                // A concurrent change wins; it signals the queue again.
                LogSyncFailed(exception.Message);
            }
        }
    }

    internal void Sync(ResourceDefinition clusterRoles)
    {
        foreach (var role in ClusterRoleAggregation.Aggregate(rbac.ClusterRoles()))
        {
            var name = role.Metadata.Name;
            var current = reader.Get(clusterRoles, "", name);
            current["rules"] = JsonNode.Parse(KubernetesJson.Serialize(role.Rules ?? []));
            writer.Update(clusterRoles, "", name, current, WriteContext.Internal, statusOnly: false);
            LogAggregated(name, role.Rules?.Count ?? 0);
        }
    }

    private ResourceDefinition ClusterRoles() =>
        registry.Find("rbac.authorization.k8s.io", "v1", "clusterroles") ?? throw new InvalidOperationException("clusterroles are not registered");

    [LoggerMessage(Level = LogLevel.Information, Message = "ClusterRole {Name} aggregated to {Rules} rules")]
    private partial void LogAggregated(string name, int rules);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ClusterRole aggregation failed: {Reason}")]
    private partial void LogSyncFailed(string reason);
}
