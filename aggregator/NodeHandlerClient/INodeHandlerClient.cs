namespace VmLifecycle.Aggregator.NodeHandlerClient;

/// <summary>Calls a node handler's lifecycle endpoint: PUT {endpoint}/v1/namespaces/NS/virtualmachineinstances/NAME/{action}.</summary>
internal interface INodeHandlerClient
{
    /// <exception cref="NodeHandlerUnreachableException">No answer: connection, TLS or timeout failure.</exception>
    Task<NodeHandlerResponse> PutAsync(Uri endpoint, string @namespace, string name, string action, CancellationToken cancellationToken);
}

