using Microsoft.Extensions.Options;
using VmLifecycle.Handler.Configuration;

namespace VmLifecycle.Handler.Lifecycle;

/// <summary>
/// The timing of a deleted VMI's stop, as KubeVirt's virt-handler does it: press the ACPI power button, press it again
/// every <see cref="HandlerOptions.AcpiRetryInterval"/> (a press before the guest's acpid runs is lost), and destroy
/// once terminationGracePeriodSeconds have passed since the deletion started; a grace period of 0 destroys at once.
/// The deletion starts when this handler first saw it, or at the end of the second of the VMI's deletionTimestamp if
/// that is earlier (the API server truncates it to seconds), so a restarted handler keeps the original deadline and the
/// grace period is never cut short.
/// </summary>
internal sealed class GracefulShutdown(TimeProvider time, IOptions<HandlerOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Progress> _stops = new(StringComparer.Ordinal);
    private readonly TimeSpan _retry = options.Value.AcpiRetryInterval;

    public ShutdownStep Next(string key, DateTimeOffset? deletionTimestamp, long gracePeriodSeconds)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_stops.TryGetValue(key, out var progress))
            {
                progress = new Progress(deletionTimestamp is { } deleted && deleted + TimeSpan.FromSeconds(1) < now ? deleted + TimeSpan.FromSeconds(1) : now);
                _stops[key] = progress;
            }

            var remaining = progress.Started + TimeSpan.FromSeconds(Math.Max(0, gracePeriodSeconds)) - now;
            if (gracePeriodSeconds <= 0 || remaining <= TimeSpan.Zero)
            {
                return new ShutdownStep(ShutdownAction.Destroy, TimeSpan.Zero);
            }

            if (progress.LastPress is not { } last || now - last >= _retry)
            {
                progress.LastPress = now;
                return new ShutdownStep(ShutdownAction.PressPowerButton, Min(_retry, remaining));
            }

            return new ShutdownStep(ShutdownAction.Wait, Min(last + _retry - now, remaining));
        }
    }

    public void Forget(string key)
    {
        lock (_gate)
        {
            _stops.Remove(key);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private sealed class Progress(DateTimeOffset started)
    {
        public DateTimeOffset Started { get; } = started;

        public DateTimeOffset? LastPress { get; set; }
    }
}
