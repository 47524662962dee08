using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Resources;

namespace VmLifecycle.LocalCluster.Aggregation;

/// <summary>Writes an APIService's Available condition through the status subresource of the store, replacing the previous one.</summary>
internal sealed class StoreApiServiceConditionSink(ResourceReader reader, ResourceWriter writer) : IApiServiceConditionSink
{
    private const int Attempts = 3;

    public Task SetAvailableConditionAsync(string apiServiceName, V1APIServiceCondition condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        for (var attempt = 1; ; attempt++)
        {
            var current = reader.Get(BuiltInResources.ApiServices, "", apiServiceName);
            var status = current["status"] as JsonObject ?? [];
            var conditions = status["conditions"] as JsonArray ?? [];
            var kept = conditions.OfType<JsonObject>().Where(c => c["type"]?.GetValue<string>() != condition.Type).Select(c => (JsonNode?)c.DeepClone());
            status["conditions"] = new JsonArray([.. kept, JsonNode.Parse(KubernetesJson.Serialize(condition))]);
            current["status"] = status;
            try
            {
                writer.Update(BuiltInResources.ApiServices, "", apiServiceName, current, WriteContext.Internal, statusOnly: true);
                return Task.CompletedTask;
            }
            catch (StatusException exception) when (exception.Code == StatusCodes.Status409Conflict && attempt < Attempts)
            {
                // Changed meanwhile: read it again.
            }
        }
    }
}
