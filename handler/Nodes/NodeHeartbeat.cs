using System.Globalization;
using Microsoft.Extensions.Options;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Handler.Configuration;

namespace VmLifecycle.Handler.Nodes;

/// <summary>
/// Keeps this handler's Node current: the schedulable label, the endpoint the aggregator calls for pause/unpause, and
/// a heartbeat time renewed every <see cref="NodeHeartbeatOptions.Interval"/> (RFC 3339, from the injected clock).
/// On a clean shutdown the label turns "false", so no new VMI is scheduled to a node without a handler.
/// </summary>
internal sealed partial class NodeHeartbeat(
    INodeMetadataStore nodes,
    IOptions<HandlerOptions> handler,
    IOptions<NodeHeartbeatOptions> options,
    HandlerEndpoint endpoint,
    TimeProvider time,
    ILogger<NodeHeartbeat> logger) : BackgroundService
{
    public const string HandlerNodeFalse = "false";

    private string Node => handler.Value.NodeName;

    /// <summary>Writes one heartbeat.</summary>
    public Task BeatAsync(CancellationToken cancellationToken) =>
        nodes.ApplyAsync(
            Node,
            new Dictionary<string, string> { [Labels.HandlerNode] = Labels.HandlerNodeTrue },
            new Dictionary<string, string>
            {
                [Annotations.HandlerEndpoint] = endpoint.Url,
                [Annotations.HandlerHeartbeat] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            },
            cancellationToken);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await nodes.ApplyAsync(Node, new Dictionary<string, string> { [Labels.HandlerNode] = HandlerNodeFalse }, new Dictionary<string, string>(), cancellationToken);
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
