using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace VmLifecycle.Handler.Nodes;

/// <summary>
/// <see cref="INodeMetadataStore"/> through KubernetesClient: a JSON merge patch of the Node's labels and annotations
/// (other keys stay untouched), or a new Node when there is none (the local cluster and kind-less setups have no kubelet
/// registering one).
/// </summary>
internal sealed class KubernetesNodeMetadataStore(IKubernetes client) : INodeMetadataStore
{
    public async Task ApplyAsync(string node, IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> annotations, CancellationToken cancellationToken)
    {
        var patch = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["metadata"] = new Dictionary<string, object> { ["labels"] = labels, ["annotations"] = annotations },
        });
        try
        {
            await client.CoreV1.PatchNodeAsync(new V1Patch(patch, V1Patch.PatchType.MergePatch), node, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            var created = new V1Node
            {
                ApiVersion = "v1",
                Kind = "Node",
                Metadata = new V1ObjectMeta
                {
                    Name = node,
                    Labels = labels.ToDictionary(),
                    Annotations = annotations.ToDictionary(),
                },
            };
            try
            {
                await client.CoreV1.CreateNodeAsync(created, cancellationToken: cancellationToken);
            }
            catch (HttpOperationException conflict) when (conflict.Response.StatusCode == HttpStatusCode.Conflict)
            {
                // Created meanwhile (by a kubelet or a previous attempt): the next heartbeat patches it.
            }
        }
    }
}
