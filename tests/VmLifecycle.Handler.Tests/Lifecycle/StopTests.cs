using System.Diagnostics;
using VmLifecycle.Handler.Tests.Infrastructure;

namespace VmLifecycle.Handler.Tests.Lifecycle;

/// <summary>Deleting VMIs: graceful ACPI stop, force stop, and the grace period's end.</summary>
public sealed class StopTests(LibvirtFixture libvirt)
{
    [Fact]
    public async Task Deleting_a_vmi_powers_the_guest_off_through_acpi_and_then_removes_the_finalizer()
    {
        var store = new InMemoryVmiStore();
        await using var handler = new HandlerStack(libvirt, store);
        await handler.StartAsync();
        var vmi = store.Create(TestGuest.Vmi(libvirt.Namespace, "graceful", handler.Node, gracePeriodSeconds: 30));
        await store.WaitForRunningAsync(vmi);
        var log = handler.SerialLog(vmi);
        await SerialLog.WaitForAsync(log, TestGuest.Booted, VmiAssertions.StartTimeout);

        await using var follower = new SerialLogFollower(log);

        var deleted = Stopwatch.StartNew();
        store.Delete(libvirt.Namespace, "graceful");
        await store.WaitForGoneAsync(vmi, TimeSpan.FromSeconds(30));
        TestContext.Current.TestOutputHelper?.WriteLine($"delete to finalizer removed: {deleted.Elapsed.TotalSeconds:F2} s");

        Assert.Contains(TestGuest.PowerOff, follower.Content, StringComparison.Ordinal);
        Assert.True(deleted.Elapsed < TimeSpan.FromSeconds(10), $"graceful stop took {deleted.Elapsed}");
        Assert.Null(handler.Domains.Find(libvirt.Namespace, "graceful"));
        Assert.False(Directory.Exists(Path.GetDirectoryName(log)));
    }

    [Fact]
    public async Task A_force_stop_with_grace_period_zero_destroys_the_domain_in_under_a_second()
    {
        var store = new InMemoryVmiStore();
        await using var handler = new HandlerStack(libvirt, store);
        await handler.StartAsync();
        var vmi = store.Create(TestGuest.Vmi(libvirt.Namespace, "force", handler.Node, TestGuest.IgnoreAcpi));
        await store.WaitForRunningAsync(vmi);
        await SerialLog.WaitForAsync(handler.SerialLog(vmi), TestGuest.Booted, VmiAssertions.StartTimeout);
        await using var follower = new SerialLogFollower(handler.SerialLog(vmi));

        var deleted = Stopwatch.StartNew();
        store.Delete(libvirt.Namespace, "force", gracePeriodSeconds: 0);
        await Eventually.WaitAsync(() => handler.Domains.Find(libvirt.Namespace, "force")?.Status.IsActive != true, TimeSpan.FromSeconds(5), "the domain to stop");
        var stopped = deleted.Elapsed;
        await store.WaitForGoneAsync(vmi, TimeSpan.FromSeconds(5));
        TestContext.Current.TestOutputHelper?.WriteLine($"force stop: domain stopped after {stopped.TotalMilliseconds:F0} ms, VMI gone after {deleted.Elapsed.TotalMilliseconds:F0} ms");

        Assert.True(stopped < TimeSpan.FromSeconds(1), $"force stop took {stopped}");
        Assert.DoesNotContain("ACPI-POWER-BUTTON", follower.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_guest_ignoring_acpi_gets_the_button_again_and_is_destroyed_when_the_grace_period_ends()
    {
        const int grace = 5;
        var store = new InMemoryVmiStore();
        await using var handler = new HandlerStack(libvirt, store, acpiRetry: TimeSpan.FromSeconds(2));
        await handler.StartAsync();
        var vmi = store.Create(TestGuest.Vmi(libvirt.Namespace, "stubborn", handler.Node, TestGuest.IgnoreAcpi, gracePeriodSeconds: grace));
        await store.WaitForRunningAsync(vmi);
        var log = handler.SerialLog(vmi);
        await SerialLog.WaitForAsync(log, TestGuest.Booted, VmiAssertions.StartTimeout);

        await using var follower = new SerialLogFollower(log);

        var deleted = Stopwatch.StartNew();
        store.Delete(libvirt.Namespace, "stubborn");
        await Eventually.WaitAsync(() => handler.Domains.Find(libvirt.Namespace, "stubborn")?.Status.IsActive != true, TimeSpan.FromSeconds(grace + 5), "the domain to stop");
        var stopped = deleted.Elapsed;
        var ignored = follower.Content.Split("ACPI-POWER-BUTTON IGNORED").Length - 1;
        await store.WaitForGoneAsync(vmi, TimeSpan.FromSeconds(5));
        TestContext.Current.TestOutputHelper?.WriteLine($"destroyed {stopped.TotalSeconds:F2} s after the delete (grace {grace} s); power button ignored {ignored} times");

        Assert.InRange(stopped, TimeSpan.FromSeconds(grace), TimeSpan.FromSeconds(grace + 1));
        Assert.True(ignored >= 2, $"the power button was pressed {ignored} times");
    }

    [Fact]
    public async Task A_force_stop_during_a_graceful_stop_destroys_at_once()
    {
        var store = new InMemoryVmiStore();
        await using var handler = new HandlerStack(libvirt, store);
        await handler.StartAsync();
        var vmi = store.Create(TestGuest.Vmi(libvirt.Namespace, "escalate", handler.Node, TestGuest.IgnoreAcpi, gracePeriodSeconds: 60));
        await store.WaitForRunningAsync(vmi);
        var log = handler.SerialLog(vmi);
        await SerialLog.WaitForAsync(log, TestGuest.Booted, VmiAssertions.StartTimeout);
        store.Delete(libvirt.Namespace, "escalate");
        await SerialLog.WaitForAsync(log, "ACPI-POWER-BUTTON IGNORED", TimeSpan.FromSeconds(10));

        var forced = Stopwatch.StartNew();
        store.Delete(libvirt.Namespace, "escalate", gracePeriodSeconds: 0);
        await store.WaitForGoneAsync(vmi, TimeSpan.FromSeconds(5));

        Assert.True(forced.Elapsed < TimeSpan.FromSeconds(1.5), $"the force stop took {forced.Elapsed}");
        Assert.Null(handler.Domains.Find(libvirt.Namespace, "escalate"));
    }
}
