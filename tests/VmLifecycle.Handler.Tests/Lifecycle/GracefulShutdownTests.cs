using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VmLifecycle.Handler.Configuration;
using VmLifecycle.Handler.Lifecycle;

namespace VmLifecycle.Handler.Tests.Lifecycle;

/// <summary>The timing of a graceful stop, on a fake clock.</summary>
public sealed class GracefulShutdownTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly GracefulShutdown _shutdown;

    public GracefulShutdownTests() =>
        _shutdown = new GracefulShutdown(_time, Options.Create(new HandlerOptions { NodeName = "n", AcpiRetryInterval = TimeSpan.FromSeconds(3) }));

    [Fact]
    public void The_power_button_is_pressed_at_once_then_every_retry_interval_until_the_grace_period_ends_in_a_destroy()
    {
        var steps = new List<(double At, ShutdownAction Action)>();
        for (var second = 0.0; second <= 10; second += 0.5)
        {
            var step = _shutdown.Next("ns/vm", _time.GetUtcNow(), gracePeriodSeconds: 10);
            if (step.Action != ShutdownAction.Wait)
            {
                steps.Add((second, step.Action));
            }

            _time.Advance(TimeSpan.FromSeconds(0.5));
        }

        Assert.Equal(
            [(0, ShutdownAction.PressPowerButton), (3, ShutdownAction.PressPowerButton), (6, ShutdownAction.PressPowerButton), (9, ShutdownAction.PressPowerButton), (10, ShutdownAction.Destroy)],
            steps);
    }

    [Fact]
    public void The_recheck_never_overshoots_the_end_of_the_grace_period()
    {
        var first = _shutdown.Next("ns/vm", _time.GetUtcNow(), gracePeriodSeconds: 2);

        Assert.Equal(new ShutdownStep(ShutdownAction.PressPowerButton, TimeSpan.FromSeconds(2)), first);
        _time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal(new ShutdownStep(ShutdownAction.Wait, TimeSpan.FromSeconds(0.5)), _shutdown.Next("ns/vm", null, 2));
    }

    [Fact]
    public void A_grace_period_of_zero_destroys_immediately_without_pressing_the_button() =>
        Assert.Equal(ShutdownAction.Destroy, _shutdown.Next("ns/vm", _time.GetUtcNow(), gracePeriodSeconds: 0).Action);

    [Fact]
    public void Shortening_the_grace_period_during_a_stop_destroys_at_once()
    {
        Assert.Equal(ShutdownAction.PressPowerButton, _shutdown.Next("ns/vm", _time.GetUtcNow(), 30).Action);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(ShutdownAction.Destroy, _shutdown.Next("ns/vm", _time.GetUtcNow(), 0).Action);
    }

    [Fact]
    public void A_restarted_handler_keeps_the_deadline_of_the_original_deletion()
    {
        var deletedLongAgo = _time.GetUtcNow() - TimeSpan.FromSeconds(25);

        // 30 s from the end of the deletion's second: 6 s are left, not 30.
        Assert.Equal(ShutdownAction.PressPowerButton, _shutdown.Next("ns/vm", deletedLongAgo, 30).Action);
        _time.Advance(TimeSpan.FromSeconds(5.9));
        Assert.NotEqual(ShutdownAction.Destroy, _shutdown.Next("ns/vm", deletedLongAgo, 30).Action);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(ShutdownAction.Destroy, _shutdown.Next("ns/vm", deletedLongAgo, 30).Action);
    }

    [Fact]
    public void A_deletion_timestamp_truncated_to_seconds_never_shortens_the_grace_period()
    {
        _time.Advance(TimeSpan.FromSeconds(0.9));
        var truncated = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

        _shutdown.Next("ns/vm", truncated, 5);
        _time.Advance(TimeSpan.FromSeconds(4.95));

        Assert.NotEqual(ShutdownAction.Destroy, _shutdown.Next("ns/vm", truncated, 5).Action);
        _time.Advance(TimeSpan.FromSeconds(0.05));
        Assert.Equal(ShutdownAction.Destroy, _shutdown.Next("ns/vm", truncated, 5).Action);
    }
}
