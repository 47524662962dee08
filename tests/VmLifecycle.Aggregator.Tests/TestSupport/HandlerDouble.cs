using VmLifecycle.Api.VirtualMachineInstances;

namespace VmLifecycle.Aggregator.Tests.TestSupport;

/// <summary>
/// Plays the node handler in the controller tests: heartbeats its Node and turns the VMIs scheduled to it Running and
/// Ready, as the real handler does once the domain runs. It can be stopped to let the heartbeat go stale.
/// </summary>
internal sealed class HandlerDouble : IAsyncDisposable
{
    private readonly ClusterDriver _cluster;
    private readonly string _node;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private HandlerDouble(ClusterDriver cluster, string node)
    {
        _cluster = cluster;
        _node = node;
        _loop = Task.Run(LoopAsync);
    }

    public static async Task<HandlerDouble> StartAsync(ClusterDriver cluster, string node)
    {
        await cluster.CreateNodeAsync(node, TimeSpan.Zero);
        return new HandlerDouble(cluster, node);
    }

    /// <summary>When false, scheduled VMIs stay Scheduled (the test drives their phase itself).</summary>
    public bool RunsScheduledVmis { get; set; } = true;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        var lastBeat = DateTime.MinValue;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                if (DateTime.UtcNow - lastBeat > TimeSpan.FromSeconds(1))
                {
                    await _cluster.HeartbeatAsync(_node);
                    lastBeat = DateTime.UtcNow;
                }

                if (RunsScheduledVmis)
                {
                    foreach (var vmi in await _cluster.ListVmisAsync())
                    {
                        if (vmi.Status?.NodeName == _node && vmi.Status.Phase == VirtualMachineInstancePhase.Scheduled && vmi.Metadata.DeletionTimestamp is null)
                        {
                            await _cluster.SetVmiRunningAsync(vmi.Metadata.Name);
                        }
                    }
                }

                await Task.Delay(100, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or k8s.Autorest.HttpOperationException or InvalidOperationException)
            {
                // The cluster is restarting, or the VMI went meanwhile; try again.
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }
}
