using k8s.Models;
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
internal sealed class NodeHandlerForwarder(IVirtualMachineStore store, INodeHandlerClient client)
{
    public async Task<StatusFailure?> ForwardAsync(VirtualMachineInstance vmi, string action, CancellationToken cancellationToken)
    {
        var nodeName = vmi.Status?.NodeName;
        if (string.IsNullOrEmpty(nodeName))
        {
            return StatusFailure.Internal(AggregatorMessages.VmiHasNoNode(vmi.Metadata.Name));
        }

        V1Node? node;
        try
        {
            node = await store.GetNodeAsync(nodeName, cancellationToken);
        }
        catch (KubernetesApiException e)
        {
            return StatusFailure.Internal(e.Message);
        }

        if (node is null || NodeHandlerEndpoint.Of(node) is not { } endpoint)
        {
            return StatusFailure.Internal(AggregatorMessages.NodeHasNoHandlerEndpoint(nodeName, Annotations.HandlerEndpoint));
        }

        NodeHandlerResponse response;
        try
        {
            response = await client.PutAsync(endpoint, vmi.Metadata.NamespaceProperty, vmi.Metadata.Name, action, cancellationToken);
        }
        catch (NodeHandlerUnreachableException e)
        {
            return StatusFailure.Internal(AggregatorMessages.HandlerUnreachable(e.Message));
        }

        return response.IsSuccess ? null : Map(response);
    }

    private static StatusFailure Map(NodeHandlerResponse response)
    {
        if (response.StatusCode is >= 400 and < 500 && StatusFailure.FromStatus(response.StatusCode, response.Body) is { } passedOn)
        {
            return passedOn;
        }

        var statusLine = $"{response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        return StatusFailure.Internal(KubeVirtMessages.UnexpectedHandlerReturnCode(response.StatusCode, statusLine, response.Body));
    }
}
