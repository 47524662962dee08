using k8s.Models;
using VmLifecycle.Aggregator.Caching;
using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Aggregator.Responses;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;

namespace VmLifecycle.Aggregator.NodeHandlerClient;

/// <summary>
/// Sends a pause or unpause to the handler of the VMI's node and maps its answer: 2xx is success; a 4xx Status from the
/// handler (it re-checks against the domain) is passed on as it is; anything else is virt-api's 500
/// <c>Internal error occurred: unexpected return code ...</c>.
/// </summary>
/// <remarks>
/// The Node comes from the watch cache when it is cached with an endpoint; otherwise, and when a cached endpoint turns out
/// unreachable and the live Node names another one, it is read live.
/// </remarks>
internal sealed class NodeHandlerForwarder(IVirtualMachineStore store, IWatchCache cache, INodeHandlerClient client)
{
    public async Task<StatusFailure?> ForwardAsync(VirtualMachineInstance vmi, string action, CancellationToken cancellationToken)
    {
        var nodeName = vmi.Status?.NodeName;
        if (string.IsNullOrEmpty(nodeName))
        {
            return StatusFailure.Internal(AggregatorMessages.VmiHasNoNode(vmi.Metadata.Name));
        }

        (Uri? Endpoint, StatusFailure? Failure)? live = null;
        if (cache.GetNode(nodeName) is { } cachedNode && NodeHandlerEndpoint.Of(cachedNode) is { } cachedEndpoint)
        {
            try
            {
                return Map(await client.PutAsync(cachedEndpoint, vmi.Metadata.NamespaceProperty, vmi.Metadata.Name, action, cancellationToken));
            }
            catch (NodeHandlerUnreachableException e)
            {
                live = await LiveEndpointAsync(nodeName, cancellationToken);
                if (live.Value.Endpoint is null || live.Value.Endpoint == cachedEndpoint)
                {
                    return StatusFailure.Internal(AggregatorMessages.HandlerUnreachable(e.Message));
                }
            }
        }

        var (endpoint, failure) = live ?? await LiveEndpointAsync(nodeName, cancellationToken);
        if (endpoint is null)
        {
            return failure;
        }

        try
        {
            return Map(await client.PutAsync(endpoint, vmi.Metadata.NamespaceProperty, vmi.Metadata.Name, action, cancellationToken));
        }
        catch (NodeHandlerUnreachableException e)
        {
            return StatusFailure.Internal(AggregatorMessages.HandlerUnreachable(e.Message));
        }
    }

    private async Task<(Uri? Endpoint, StatusFailure? Failure)> LiveEndpointAsync(string nodeName, CancellationToken cancellationToken)
    {
        V1Node? node;
        try
        {
            node = await store.GetNodeAsync(nodeName, cancellationToken);
        }
        catch (KubernetesApiException e)
        {
            return (null, StatusFailure.Internal(e.Message));
        }

        return node is null || NodeHandlerEndpoint.Of(node) is not { } endpoint
            ? (null, StatusFailure.Internal(AggregatorMessages.NodeHasNoHandlerEndpoint(nodeName, Annotations.HandlerEndpoint)))
            : (endpoint, null);
    }

    private static StatusFailure? Map(NodeHandlerResponse response)
    {
        if (response.IsSuccess)
        {
            return null;
        }

        if (response.StatusCode is >= 400 and < 500 && StatusFailure.FromStatus(response.StatusCode, response.Body) is { } passedOn)
        {
            return passedOn;
        }

        var statusLine = $"{response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        return StatusFailure.Internal(KubeVirtMessages.UnexpectedHandlerReturnCode(response.StatusCode, statusLine, response.Body));
    }
}
