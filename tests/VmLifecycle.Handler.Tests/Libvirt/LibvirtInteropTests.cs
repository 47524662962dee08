using System.Diagnostics;
using VmLifecycle.Handler.Domains;
using VmLifecycle.Handler.Libvirt;
using VmLifecycle.Handler.Tests.Infrastructure;

namespace VmLifecycle.Handler.Tests.Libvirt;

/// <summary>The P/Invoke layer against the machine's real libvirt and QEMU, with the test guest.</summary>
public sealed class LibvirtInteropTests(LibvirtFixture libvirt)
{
    private static readonly TimeSpan _poll = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_started_domain_boots_the_test_guest_and_its_serial_log_shows_the_boot_marker()
    {
        var started = Stopwatch.StartNew();
        using var guest = await GuestDomain.StartAsync(libvirt, "boot");
        await guest.WaitForBootAsync();
        TestContext.Current.TestOutputHelper?.WriteLine($"define+start to BOOTED: {started.Elapsed.TotalSeconds:F2} s");

        Assert.Equal(DomainState.Running, guest.Status?.State);
        Assert.Contains($"{TestGuest.Booted} lv-boot", SerialLog.Read(guest.SerialLog), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_domain_carries_its_identity_in_metadata_and_is_listed_with_it()
    {
        using var guest = await GuestDomain.StartAsync(libvirt, "identity");

        var identity = DomainIdentity.Parse(libvirt.Domains.GetMetadata(guest.Name, DomainIdentity.NamespaceUri));
        var listed = libvirt.Domains.List(DomainIdentity.NamespaceUri).Single(d => d.Name == guest.Name);

        Assert.Equal(guest.Plan.Identity, identity);
        Assert.Equal(guest.Plan.Identity, DomainIdentity.Parse(listed.Metadata));
        Assert.Equal(guest.Plan.Uuid.ToString("D"), listed.Uuid);
        Assert.True(listed.Status.IsActive);
        Assert.Equal(guest.Name, libvirt.Domains.NameOf(guest.Plan.Uuid));
        Assert.Null(libvirt.Domains.NameOf(Guid.NewGuid()));

        // Remembered by UUID once read with the state (one lookup, no metadata round trip the next time).
        Assert.Equal(guest.Plan.Identity, DomainIdentity.Parse(libvirt.Domains.GetStatusAndMetadata(guest.Name, DomainIdentity.NamespaceUri)?.Metadata));

        // Rewritten on the running domain (virDomainSetMetadata), read back (virDomainGetMetadata), and no longer the
        // remembered one.
        var moved = guest.Plan.Identity with { Node = "another-node" };
        libvirt.Domains.SetMetadata(guest.Name, moved.ToMetadataXml(), DomainIdentity.Prefix, DomainIdentity.NamespaceUri);
        Assert.Equal(moved, DomainIdentity.Parse(libvirt.Domains.GetMetadata(guest.Name, DomainIdentity.NamespaceUri)));
        Assert.Equal(moved, DomainIdentity.Parse(libvirt.Domains.GetStatusAndMetadata(guest.Name, DomainIdentity.NamespaceUri)?.Metadata));
    }

    [Fact]
    public async Task Suspend_stops_the_ticks_and_resume_brings_them_back()
    {
        using var guest = await GuestDomain.StartAsync(libvirt, "suspend");
        await guest.WaitForBootAsync();
        await SerialLog.WaitForTickAsync(guest.SerialLog, 1, _poll);

        libvirt.Domains.Suspend(guest.Name);
        Assert.True(guest.Status?.IsPausedByUser);
        var tickWhenPaused = SerialLog.LastTick(guest.SerialLog);
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken); // a paused guest must stay silent: no condition to wait for
        Assert.Equal(tickWhenPaused, SerialLog.LastTick(guest.SerialLog));

        var resumed = Stopwatch.StartNew();
        libvirt.Domains.Resume(guest.Name);
        await SerialLog.WaitForTickAsync(guest.SerialLog, tickWhenPaused + 1, TimeSpan.FromSeconds(3));
        TestContext.Current.TestOutputHelper?.WriteLine($"first tick after resume: {resumed.Elapsed.TotalSeconds:F2} s");
        Assert.Equal(DomainState.Running, guest.Status?.State);
    }

    [Fact]
    public async Task An_acpi_shutdown_powers_the_guest_off_well_within_a_grace_period()
    {
        using var guest = await GuestDomain.StartAsync(libvirt, "acpi");
        await guest.WaitForBootAsync();

        // Pressed again every 2 s as the handler does: a press while the guest's acpid settles can be lost.
        var requested = Stopwatch.StartNew();
        var presses = 0;
        await Eventually.WaitAsync(
            async () =>
            {
                if (requested.Elapsed >= TimeSpan.FromSeconds(2 * presses))
                {
                    presses++;
                    libvirt.Domains.Shutdown(guest.Name);
                }

                await Task.Yield();
                return guest.Status;
            },
            status => status?.IsActive == false,
            TimeSpan.FromSeconds(10),
            "the domain to shut off");
        TestContext.Current.TestOutputHelper?.WriteLine($"power button presses: {presses}");
        TestContext.Current.TestOutputHelper?.WriteLine($"ACPI shutdown to shut off: {requested.Elapsed.TotalSeconds:F2} s");

        Assert.Equal(new DomainStatus(DomainState.Shutoff, DomainStateReasons.ShutoffShutdown), guest.Status);
        Assert.Contains(TestGuest.PowerOff, SerialLog.Read(guest.SerialLog), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_guest_that_ignores_acpi_keeps_running_and_a_destroy_stops_it_in_under_a_second()
    {
        using var guest = await GuestDomain.StartAsync(libvirt, "ignoreacpi", TestGuest.IgnoreAcpi);
        await guest.WaitForBootAsync();

        // A press can be lost while the guest's acpid is still settling: press again, as the handler does.
        await Eventually.WaitAsync(
            async () =>
            {
                libvirt.Domains.Shutdown(guest.Name);
                await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
                return SerialLog.Read(guest.SerialLog);
            },
            log => log?.Contains("ACPI-POWER-BUTTON IGNORED", StringComparison.Ordinal) == true,
            _poll,
            "the guest to ignore the power button");
        Assert.Equal(DomainState.Running, guest.Status?.State);

        var destroy = Stopwatch.StartNew();
        Assert.True(libvirt.Domains.Destroy(guest.Name));
        destroy.Stop();
        TestContext.Current.TestOutputHelper?.WriteLine($"destroy: {destroy.Elapsed.TotalMilliseconds:F0} ms");

        Assert.True(destroy.Elapsed < TimeSpan.FromSeconds(1), $"destroy took {destroy.Elapsed}");
        Assert.Equal(new DomainStatus(DomainState.Shutoff, DomainStateReasons.ShutoffDestroyed), guest.Status);
    }

    [Fact]
    public async Task A_domain_started_paused_reports_paused_by_user_and_does_not_boot_until_resumed()
    {
        using var guest = await GuestDomain.StartAsync(libvirt, "startpaused", paused: true);

        Assert.Equal(new DomainStatus(DomainState.Paused, DomainStateReasons.PausedUser), guest.Status);
        libvirt.Domains.Resume(guest.Name);
        await guest.WaitForBootAsync();
    }

    [Fact]
    public async Task Lifecycle_events_arrive_for_start_suspend_resume_and_stop()
    {
        using var connection = libvirt.CreateConnection();
        await connection.ConnectAsync(TestContext.Current.CancellationToken);
        var events = new List<DomainLifecycleEvent>();
        async Task<DomainLifecycleEvent> NextAsync(string domain, DomainLifecycleEventType type)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(_poll);
            await foreach (var e in connection.Events.ReadAllAsync(timeout.Token))
            {
                if (e.DomainName == domain)
                {
                    events.Add(e);
                    if (e.Type == type)
                    {
                        return e;
                    }
                }
            }

            throw new InvalidOperationException("event stream ended");
        }

        using var guest = await GuestDomain.StartAsync(libvirt, "events");
        var started = await NextAsync(guest.Name, DomainLifecycleEventType.Started);
        libvirt.Domains.Suspend(guest.Name);
        await NextAsync(guest.Name, DomainLifecycleEventType.Suspended);
        libvirt.Domains.Resume(guest.Name);
        await NextAsync(guest.Name, DomainLifecycleEventType.Resumed);
        libvirt.Domains.Destroy(guest.Name);
        var stopped = await NextAsync(guest.Name, DomainLifecycleEventType.Stopped);

        Assert.Equal(guest.Plan.Uuid.ToString("D"), started.Uuid);
        Assert.Equal(DomainLifecycleEvent.StoppedDestroyed, stopped.Detail);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", events.Select(e => $"{e.Type}({e.Detail})")));
    }

    [Fact]
    public void Operations_on_a_missing_domain_report_libvirts_no_domain_error()
    {
        var missing = $"{libvirt.Namespace}_missing";

        var error = Assert.Throws<LibvirtException>(() => libvirt.Domains.Suspend(missing));

        Assert.Equal(LibvirtErrorCode.NoDomain, error.Code);
        Assert.Contains("missing", error.LibvirtMessage, StringComparison.Ordinal);
        Assert.Null(libvirt.Domains.GetStatus(missing));
        Assert.False(libvirt.Domains.Destroy(missing));
    }

    [Fact]
    public void Defining_invalid_xml_reports_an_xml_error_with_libvirts_message()
    {
        var error = Assert.Throws<LibvirtException>(() => libvirt.Domains.DefineAndStart("<domain type='qemu'><name>x</name>", paused: false));

        Assert.NotEqual(LibvirtErrorCode.Ok, error.Code);
        Assert.False(string.IsNullOrEmpty(error.LibvirtMessage));
    }
}
