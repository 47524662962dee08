using System.Text.Json.Nodes;
using k8s;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Resources;
using VmLifecycle.LocalCluster.Security.Authorization;

namespace VmLifecycle.LocalCluster.Bootstrap;

/// <summary>
/// Writes kube-apiserver's bootstrap RBAC policy (default roles and bindings) at start. Only missing objects are
/// created: an object that exists, perhaps changed by a user and kept in the state file, is left as it is.
/// The aggregated roles get their rules from the <see cref="Controllers.ClusterRoleAggregationController"/>.
/// </summary>
internal sealed partial class BootstrapPolicyWriter(ResourceRegistry registry, ResourceWriter writer, ILogger<BootstrapPolicyWriter> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var policy = BootstrapPolicy.Create();
        var created = 0;
        created += policy.ClusterRoles.Count(r => CreateIfMissing("clusterroles", "", r));
        created += policy.ClusterRoleBindings.Count(b => CreateIfMissing("clusterrolebindings", "", b));
        created += policy.Roles.Count(r => CreateIfMissing("roles", r.Metadata.NamespaceProperty, r));
        created += policy.RoleBindings.Count(b => CreateIfMissing("rolebindings", b.Metadata.NamespaceProperty, b));
        LogPolicyWritten(created);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private bool CreateIfMissing(string resource, string @namespace, object rbacObject)
    {
        var definition = registry.Find("rbac.authorization.k8s.io", "v1", resource)
            ?? throw new InvalidOperationException($"{resource}.rbac.authorization.k8s.io is not registered");
        try
        {
            writer.Create(definition, @namespace, JsonNode.Parse(KubernetesJson.Serialize(rbacObject))!.AsObject(), WriteContext.Internal);
            return true;
        }
        catch (StatusException exception) when (exception.Code == StatusCodes.Status409Conflict)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bootstrap RBAC policy: {Created} missing objects created")]
    private partial void LogPolicyWritten(int created);
}
