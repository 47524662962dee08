using System.Globalization;
using Microsoft.Extensions.Options;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Handler.Configuration;

namespace VmLifecycle.Handler.Nodes;

/// <summary>
/// Keeps this handler's Node current: the schedulable label, the endpoint the aggregator calls for pause/unpause, a
/// heartbeat time renewed every <see cref="NodeHeartbeatOptions.Interval"/> (RFC 3339, from the injected clock), and
/// the Ready condition in status (<see cref="NodeReadyReporter"/>), so that <c>kubectl get nodes</c> shows the node
/// Ready. On a clean shutdown the label turns "false", so no new VMI is scheduled to a node without a handler, and
/// Ready turns False.
/// </summary>
internal sealed partial class NodeHeartbeat(
    INodeMetadataStore nodes,
    NodeReadyReporter ready,
    IOptions<HandlerOptions> handler,
    IOptions<NodeHeartbeatOptions> options,
    HandlerEndpoint endpoint,
    TimeProvider time,
    ILogger<NodeHeartbeat> logger) : BackgroundService
{
    public const string HandlerNodeFalse = "false";

    private string Node => handler.Value.NodeName;

    /// <summary>Writes one heartbeat: the Node's labels and annotations (creating the Node if needed), then its Ready condition.</summary>
    public async Task BeatAsync(CancellationToken cancellationToken)
    {
        await nodes.ApplyAsync(
            Node,
            new Dictionary<string, string> { [Labels.HandlerNode] = Labels.HandlerNodeTrue },
            new Dictionary<string, string>
            {
                [Annotations.HandlerEndpoint] = endpoint.Url,
                [Annotations.HandlerHeartbeat] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            },
            cancellationToken);
        await ready.ReportAsync(Node, cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await nodes.ApplyAsync(Node, new Dictionary<string, string> { [Labels.HandlerNode] = HandlerNodeFalse }, new Dictionary<string, string>(), cancellationToken);
            await ready.ReportStoppedAsync(Node, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e, Node);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                await BeatAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e, Node);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Updating Node {Node} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string node);
}
