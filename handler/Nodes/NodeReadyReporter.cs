using VmLifecycle.Handler.Libvirt;

namespace VmLifecycle.Handler.Nodes;

/// <summary>
/// Writes the Node's Ready condition from the handler's state: True while libvirt is connected, False with the reason
/// otherwise, and False (<see cref="NodeReadiness.StoppedReason"/>) on a clean shutdown, as a kubelet reports NotReady
/// when its node shuts down. Like the kubelet, it reads the Node, computes the condition and writes it back, and retries
/// a few times when the Node changed in between.
/// </summary>
internal sealed partial class NodeReadyReporter(INodeStatusStore nodes, LibvirtConnection libvirt, TimeProvider time, ILogger<NodeReadyReporter> logger)
{
    private const int Attempts = 5;

    /// <summary>What the handler's state says right now.</summary>
    public NodeReadiness Current() => libvirt.IsConnected ? NodeReadiness.Posting : NodeReadiness.LibvirtNotConnected(libvirt.Uri);

    /// <summary>Writes the Ready condition for the handler's current state.</summary>
    public Task ReportAsync(string node, CancellationToken cancellationToken) => WriteAsync(node, Current(), cancellationToken);

    /// <summary>Writes Ready False because the handler is shutting down.</summary>
    public Task ReportStoppedAsync(string node, CancellationToken cancellationToken) => WriteAsync(node, NodeReadiness.Stopped, cancellationToken);

    private async Task WriteAsync(string node, NodeReadiness readiness, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var current = await nodes.GetAsync(node, cancellationToken);
            if (current is null)
            {
                return; // The metadata write creates the Node; the next heartbeat reports its condition.
            }

            if (!NodeReadyCondition.IsOwnedByHandler(current))
            {
                LogKubeletOwned(logger, node);
                return;
            }

            var ready = NodeReadyCondition.Next(NodeReadyCondition.Find(current), readiness, time.GetUtcNow());
            if (await nodes.TryWriteConditionsAsync(node, current.Metadata?.ResourceVersion, NodeReadyCondition.WithReady(current.Status?.Conditions, ready), cancellationToken))
            {
                return;
            }
        }

        LogConflicts(logger, node, Attempts);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Node {Node} has a kubelet; its Ready condition is the kubelet's")]
    private static partial void LogKubeletOwned(ILogger logger, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Node} changed during each of {Attempts} attempts to write its Ready condition; the next heartbeat tries again")]
    private static partial void LogConflicts(ILogger logger, string node, int attempts);
}
