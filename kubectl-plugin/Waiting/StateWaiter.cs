using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;
using VmLifecycle.KubectlPlugin.Cli;
using VmLifecycle.KubectlPlugin.Commands;
using VmLifecycle.KubectlPlugin.Http;

namespace VmLifecycle.KubectlPlugin.Waiting;

/// <summary>
/// Waits until a <see cref="WaitTarget"/> is reached: lists the object by name, then watches it from the list's
/// resourceVersion, relisting when the server ends the stream or answers 410 Gone; fails after the timeout.
/// </summary>
internal sealed class StateWaiter(KubeVirtClient client, ConsoleStreams streams, TimeProvider timeProvider)
{
    private static readonly TimeSpan RelistPause = TimeSpan.FromMilliseconds(500);

    public async Task WaitAsync(WaitTarget target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var progress = new ProgressLine(streams, timeProvider, target.Description);
        var state = new WaitState(false, "unknown");
        try
        {
            while (true)
            {
                var (current, resourceVersion) = await ListAsync(target, linked.Token).ConfigureAwait(false);
                state = target.Evaluate(current);
                progress.Update(state.Current);
                if (state.Reached)
                {
                    return;
                }

                await foreach (var watchEvent in client.WatchAsync(target.Plural, target.Name, resourceVersion, linked.Token).ConfigureAwait(false))
                {
                    if (watchEvent.Type == WatchEvent.Error)
                    {
                        if (StatusReader.TryRead(watchEvent.Object, out var message, out var reason) && reason is not "Expired" and not "Gone")
                        {
                            throw new ApiException(0, reason, message ?? "watch error");
                        }

                        break;
                    }

                    if (watchEvent.Type == WatchEvent.Bookmark)
                    {
                        continue;
                    }

                    current = watchEvent.Type == WatchEvent.Deleted ? null : target.ReadEvent(watchEvent);
                    state = target.Evaluate(current);
                    progress.Update(state.Current);
                    if (state.Reached)
                    {
                        return;
                    }
                }

                await Task.Delay(RelistPause, timeProvider, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new CommandFailedException($"timed out after {GoDuration.Format(timeout)} waiting for {target.Description} (last seen: {state.Current})");
        }
        finally
        {
            progress.Clear();
        }
    }

    private async Task<(object? Current, string ResourceVersion)> ListAsync(WaitTarget target, CancellationToken cancellationToken)
    {
        if (target.Plural == VirtualMachine.KubePluralName)
        {
            var list = await client.ListByNameAsync<VirtualMachineList>(target.Plural, target.Name, cancellationToken).ConfigureAwait(false);
            return (list.Items.FirstOrDefault(), list.Metadata?.ResourceVersion ?? "0");
        }

        var instances = await client.ListByNameAsync<VirtualMachineInstanceList>(target.Plural, target.Name, cancellationToken).ConfigureAwait(false);
        return (instances.Items.FirstOrDefault(), instances.Metadata?.ResourceVersion ?? "0");
    }
}
