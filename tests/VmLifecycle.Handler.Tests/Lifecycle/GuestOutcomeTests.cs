using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Handler.Lifecycle;
using VmLifecycle.Handler.Tests.Infrastructure;

namespace VmLifecycle.Handler.Tests.Lifecycle;

/// <summary>Guests that stop by themselves, and domains paused and resumed outside the handler.</summary>
public sealed class GuestOutcomeTests(LibvirtFixture libvirt)
{
    [Fact]
    public async Task A_guest_that_powers_off_by_itself_makes_the_vmi_Succeeded_and_its_domain_is_cleaned_up()
    {
        var store = new InMemoryVmiStore();
        await using var handler = new HandlerStack(libvirt, store);
        await handler.StartAsync();
        var vmi = store.Create(TestGuest.Vmi(libvirt.Namespace, "poweroff", handler.Node, "vmlifecycle.poweroff_after=1"));

        var done = await store.WaitForAsync(vmi, v => v.Status?.Phase == VirtualMachineInstancePhase.Succeeded, "Succeeded");

        Assert.Equal(ConditionStatus.False, VmiAssertions.Condition(done, ConditionTypes.Ready)?.Status);
        Assert.Equal(ConditionReasons.GuestNotRunning, VmiAssertions.Condition(done, ConditionTypes.Ready)?.Reason);
        Assert.Null(done.Status!.Reason);
        await Eventually.WaitAsync(() => handler.Domains.Find(libvirt.Namespace, "poweroff") is null, TimeSpan.FromSeconds(5), "the domain to be undefined");
        Assert.Contains(Finalizers.Handler, done.Metadata.Finalizers ?? []);

        store.Delete(libvirt.Namespace, "poweroff");
        await store.WaitForGoneAsync(vmi, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_guest_that_crashes_makes_the_vmi_Failed_with_the_crash_as_reason()
    {
        var store = new InMemoryVmiStore();
        await using var handler = new HandlerStack(libvirt, store);
        await handler.StartAsync();
        var vmi = store.Create(TestGuest.Vmi(libvirt.Namespace, "crash", handler.Node, "vmlifecycle.crash_after=1"));

        var failed = await store.WaitForAsync(vmi, v => v.Status?.Phase == VirtualMachineInstancePhase.Failed, "Failed");

        Assert.Equal(HandlerReasons.GuestCrashed, failed.Status!.Reason);
        Assert.Equal(ConditionStatus.False, VmiAssertions.Condition(failed, ConditionTypes.Ready)?.Status);
        await Eventually.WaitAsync(() => handler.Domains.Find(libvirt.Namespace, "crash") is null, TimeSpan.FromSeconds(5), "the domain to be undefined");
    }

    [Fact]
    public async Task A_domain_paused_and_resumed_outside_the_handler_gets_and_loses_the_Paused_condition()
    {
        var store = new InMemoryVmiStore();
        await using var handler = new HandlerStack(libvirt, store);
        await handler.StartAsync();
        var vmi = store.Create(TestGuest.Vmi(libvirt.Namespace, "userpause", handler.Node));
        await store.WaitForRunningAsync(vmi);
        var domain = handler.Domains.Find(libvirt.Namespace, "userpause")!.DomainName;

        handler.Domains.Libvirt.Suspend(domain);
        var paused = await store.WaitForAsync(vmi, v => VmiAssertions.IsTrue(v, ConditionTypes.Paused), "Paused", TimeSpan.FromSeconds(5));
        handler.Domains.Libvirt.Resume(domain);
        var resumed = await store.WaitForAsync(vmi, v => VmiAssertions.Condition(v, ConditionTypes.Paused) is null, "not Paused", TimeSpan.FromSeconds(5));

        Assert.Equal(ConditionReasons.PausedByUser, VmiAssertions.Condition(paused, ConditionTypes.Paused)?.Reason);
        Assert.Equal(VirtualMachineInstancePhase.Running, paused.Status!.Phase);
        Assert.Equal(VirtualMachineInstancePhase.Running, resumed.Status!.Phase);
    }
}
