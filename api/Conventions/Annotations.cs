namespace VmLifecycle.Api.Conventions;

/// <summary>Annotations VmLifecycle's components write and read.</summary>
public static class Annotations
{
    /// <summary>
    /// On a Node: the RFC 3339 time of the node handler's last heartbeat. The VirtualMachineInstance controller schedules only
    /// to nodes whose heartbeat is fresh.
    /// </summary>
    public const string HandlerHeartbeat = "vm-lifecycle.kubevirt.io/handler-heartbeat";

    /// <summary>On a Node: the https URL (host and port) where the aggregator reaches the node's handler for pause and unpause.</summary>
    public const string HandlerEndpoint = "vm-lifecycle.kubevirt.io/handler-endpoint";
}
