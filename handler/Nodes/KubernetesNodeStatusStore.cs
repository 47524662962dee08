using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace VmLifecycle.Handler.Nodes;

/// <summary>
/// <see cref="INodeStatusStore"/> through KubernetesClient: a JSON merge patch of the nodes/status subresource that
/// carries the whole conditions list and the resourceVersion it was computed from. A merge patch replaces a list as a
/// whole, so the resourceVersion makes a concurrent change of another condition a conflict instead of a lost write.
/// </summary>
internal sealed class KubernetesNodeStatusStore(IKubernetes client) : INodeStatusStore
{
    public async Task<V1Node?> GetAsync(string node, CancellationToken cancellationToken)
    {
        try
        {
            return await client.CoreV1.ReadNodeAsync(node, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<bool> TryWriteConditionsAsync(string node, string? resourceVersion, IReadOnlyList<V1NodeCondition> conditions, CancellationToken cancellationToken)
    {
        var metadata = new JsonObject();
        if (!string.IsNullOrEmpty(resourceVersion))
        {
            metadata["resourceVersion"] = resourceVersion;
        }

        var patch = new JsonObject
        {
            ["metadata"] = metadata,
            ["status"] = new JsonObject { ["conditions"] = JsonNode.Parse(KubernetesJson.Serialize(conditions)) },
        };
        try
        {
            await client.CoreV1.PatchNodeStatusAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), node, cancellationToken: cancellationToken);
            return true;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
