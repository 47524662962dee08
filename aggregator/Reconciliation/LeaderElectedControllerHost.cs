using k8s;
using k8s.Autorest;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;

namespace VmLifecycle.Aggregator.Reconciliation;

/// <summary>
/// Runs the <see cref="ControllerRuntime"/> only while this replica holds the Lease (KubernetesClient's LeaderElector with a
/// LeaseLock). Started from StartAsync without blocking host start-up; the API keeps serving on every replica either way.
/// On shutdown the runtime stops and, if configured, the Lease is released so that a follower takes over at once.
/// </summary>
internal sealed partial class LeaderElectedControllerHost(
    ControllerRuntime runtime,
    IKubernetes kubernetes,
    LeaderElectionOptions options,
    TimeProvider time,
    ILogger<LeaderElectedControllerHost> logger) : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;
    private volatile bool _isLeader;

    public bool IsLeader => _isLeader;

    public string Identity { get; } = options.ResolvedIdentity();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => options.Enabled ? ElectAsync(_stopping.Token) : RunUnelectedAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        await _loop.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _stopping.Dispose();
    }

    private async Task RunUnelectedAsync(CancellationToken stopping)
    {
        _isLeader = true;
        await runtime.RunAsync(stopping);
        _isLeader = false;
    }

    private async Task ElectAsync(CancellationToken stopping)
    {
        var @namespace = options.ResolvedNamespace();
        while (!stopping.IsCancellationRequested)
        {
            var leaseLock = new TransportTolerantLock(new LeaseLock(kubernetes, @namespace, options.LeaseName, Identity));
            var config = new LeaderElectionConfig(leaseLock)
            {
                LeaseDuration = options.LeaseDuration,
                RenewDeadline = options.RenewDeadline,
                RetryPeriod = options.RetryPeriod,
            };
            using var elector = new LeaderElector(config);
            using var term = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            Task running = Task.CompletedTask;
            elector.OnStartedLeading += () =>
            {
                _isLeader = true;
                LogStartedLeading(logger, Identity, @namespace, options.LeaseName);
                running = runtime.RunAsync(term.Token);
            };
            elector.OnStoppedLeading += () =>
            {
                _isLeader = false;
                if (stopping.IsCancellationRequested)
                {
                    LogStoppedLeadingOnShutdown(logger, Identity);
                }
                else
                {
                    LogStoppedLeading(logger, Identity);
                }

                term.Cancel();
            };
            elector.OnNewLeader += leader => LogNewLeader(logger, leader ?? "", Identity);
            try
            {
                await elector.RunUntilLeadershipLostAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Shutting down.
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                LogElectionUnreachable(logger, Identity, e.Message);
            }
            catch (Exception e)
            {
                LogElectionFailed(logger, e, Identity);
            }

            _isLeader = false;
            await term.CancelAsync();
            await running;
            if (stopping.IsCancellationRequested)
            {
                if (options.ReleaseOnShutdown && elector.IsLeader())
                {
                    await ReleaseAsync(@namespace);
                }

                return;
            }

            try
            {
                await Task.Delay(options.RetryPeriod, time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Empties the holder (as client-go's ReleaseOnCancel), so a follower need not wait for the lease to expire.</summary>
    private async Task ReleaseAsync(string @namespace)
    {
        try
        {
            using var timeout = new CancellationTokenSource(options.RenewDeadline, time);
            var lease = await kubernetes.CoordinationV1.ReadNamespacedLeaseAsync(options.LeaseName, @namespace, cancellationToken: timeout.Token);
            if (lease.Spec?.HolderIdentity != Identity)
            {
                return;
            }

            lease.Spec.HolderIdentity = "";
            lease.Spec.LeaseDurationSeconds = 1;
            await kubernetes.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, options.LeaseName, @namespace, cancellationToken: timeout.Token);
            LogReleased(logger, Identity);
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException or OperationCanceledException)
        {
            LogReleaseFailed(logger, e, Identity);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} is now the leader on Lease {Namespace}/{Lease}; starting controllers")]
    private static partial void LogStartedLeading(ILogger logger, string identity, string @namespace, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Identity} lost leadership; stopping controllers")]
    private static partial void LogStoppedLeading(ILogger logger, string identity);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} stops leading: shutting down")]
    private static partial void LogStoppedLeadingOnShutdown(ILogger logger, string identity);

    [LoggerMessage(Level = LogLevel.Information, Message = "Leader is {Leader} (this replica: {Identity})")]
    private static partial void LogNewLeader(ILogger logger, string leader, string identity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Leader election of {Identity} cannot reach the API server ({Error}); retrying")]
    private static partial void LogElectionUnreachable(ILogger logger, string identity, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Leader election of {Identity} failed; retrying")]
    private static partial void LogElectionFailed(ILogger logger, Exception exception, string identity);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} released the Lease")]
    private static partial void LogReleased(ILogger logger, string identity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Identity} could not release the Lease")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string identity);
}
