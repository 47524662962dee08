using Microsoft.Extensions.Time.Testing;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Handler.Libvirt;
using VmLifecycle.Handler.Lifecycle;
using VmLifecycle.Handler.Tests.Infrastructure;

namespace VmLifecycle.Handler.Tests.Lifecycle;

/// <summary>
/// Domain events the pause endpoint causes and reports itself are not reconciled again: the expectations alone, and the
/// lifecycle controller on the real libvirt skipping exactly the expected events.
/// </summary>
public sealed class DomainEventExpectationTests(LibvirtFixture libvirt)
{
    private const string Domain = "ns_vmi";

    [Fact]
    public void An_expected_pause_event_is_consumed_once()
    {
        var expectations = new DomainEventExpectations(new FakeTimeProvider());
        expectations.Expect(Domain, DomainLifecycleEventType.Suspended);

        Assert.True(expectations.Consume(Paused(Domain)));
        Assert.False(expectations.Consume(Paused(Domain)));
    }

    [Fact]
    public void Only_the_same_domain_type_and_a_user_pause_or_unpause_match()
    {
        var expectations = new DomainEventExpectations(new FakeTimeProvider());
        expectations.Expect(Domain, DomainLifecycleEventType.Suspended);

        Assert.False(expectations.Consume(Paused("ns_other")));
        Assert.False(expectations.Consume(new DomainLifecycleEvent(Domain, "uuid", DomainLifecycleEventType.Resumed, DomainLifecycleEvent.PausedOrUnpaused)));
        Assert.False(expectations.Consume(new DomainLifecycleEvent(Domain, "uuid", DomainLifecycleEventType.Suspended, 1))); // VIR_DOMAIN_EVENT_SUSPENDED_IOERROR
        Assert.True(expectations.Consume(Paused(Domain)), "an event that does not match leaves the expectation for its own event");
    }

    [Fact]
    public void A_forgotten_or_expired_expectation_matches_nothing()
    {
        var time = new FakeTimeProvider();
        var expectations = new DomainEventExpectations(time);
        expectations.Expect(Domain, DomainLifecycleEventType.Suspended);
        expectations.Forget(Domain, DomainLifecycleEventType.Suspended);
        Assert.False(expectations.Consume(Paused(Domain)));

        expectations.Expect(Domain, DomainLifecycleEventType.Suspended);
        time.Advance(DomainEventExpectations.Lifetime);
        Assert.False(expectations.Consume(Paused(Domain)));

        expectations.Expect(Domain, DomainLifecycleEventType.Suspended);
        time.Advance(DomainEventExpectations.Lifetime - TimeSpan.FromSeconds(1));
        Assert.True(expectations.Consume(Paused(Domain)));
    }

    [Fact]
    public async Task The_controller_skips_the_expected_suspend_and_resume_events_and_reconciles_the_next_unexpected_one()
    {
        var store = new InMemoryVmiStore();
        await using var handler = new HandlerStack(libvirt, store, resync: TimeSpan.FromMinutes(10));
        await handler.StartAsync();
        var vmi = store.Create(TestGuest.Vmi(libvirt.Namespace, "expected-events", handler.Node));
        await store.WaitForRunningAsync(vmi);
        var domain = handler.Domains.Find(libvirt.Namespace, "expected-events")!.DomainName;

        handler.Expectations.Expect(domain, DomainLifecycleEventType.Suspended);
        handler.Domains.Libvirt.Suspend(domain);
        handler.Expectations.Expect(domain, DomainLifecycleEventType.Resumed);
        handler.Domains.Libvirt.Resume(domain);

        // Only the controller's event loop consumes expectations, and a consumed event is not queued.
        await Eventually.WaitAsync(() => handler.Expectations.Pending == 0, TimeSpan.FromSeconds(10), "both events consumed as expected");
        Assert.Null(VmiAssertions.Condition(store.Get(libvirt.Namespace, "expected-events")!, ConditionTypes.Paused));

        // Nobody reports this one: the controller must.
        handler.Domains.Libvirt.Suspend(domain);
        var paused = await store.WaitForAsync(vmi, v => VmiAssertions.IsTrue(v, ConditionTypes.Paused), "the Paused condition", TimeSpan.FromSeconds(10));
        Assert.Equal(ConditionReasons.PausedByUser, VmiAssertions.Condition(paused, ConditionTypes.Paused)!.Reason);
    }

    private static DomainLifecycleEvent Paused(string domain) =>
        new(domain, "uuid", DomainLifecycleEventType.Suspended, DomainLifecycleEvent.PausedOrUnpaused);
}
