using VmLifecycle.TestSupport.Processes;

namespace VmLifecycle.Fault.Tests.Storm;

/// <summary>
/// <c>kubectl virt start|stop</c> on random VMs of a namespace from a few workers at once, until cancelled. Refusals
/// (409: already running, not running) and failures while a process is down are expected; the tally says what happened.
/// </summary>
internal sealed class StartStopStorm(Kubectl admin, string ns, IReadOnlyList<string> vms, int workers)
{
    private int _accepted;
    private int _refused;

    public int Accepted => _accepted;

    public int Refused => _refused;

    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(worker => WorkAsync(new Random(worker), stop)));

    private async Task WorkAsync(Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var verb = random.Next(2) == 0 ? "start" : "stop";
            var result = await admin.VirtAsync(verb, vms[random.Next(vms.Count)], "-n", ns);
            _ = result.ExitCode == 0 ? Interlocked.Increment(ref _accepted) : Interlocked.Increment(ref _refused);
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(100, 400)), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override string ToString() => $"{_accepted} accepted, {_refused} refused or failed";
}
