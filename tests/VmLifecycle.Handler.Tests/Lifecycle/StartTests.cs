using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Handler.Libvirt;
using VmLifecycle.Handler.Tests.Infrastructure;

namespace VmLifecycle.Handler.Tests.Lifecycle;

/// <summary>The reconciler starting VMIs on the real libvirt, with an in-memory VMI store.</summary>
public sealed class StartTests(LibvirtFixture libvirt)
{
    [Fact]
    public async Task A_vmi_scheduled_to_this_node_becomes_Running_and_Ready_with_the_finalizer_and_the_guest_address()
    {
        var store = new InMemoryVmiStore();
        await using var handler = new HandlerStack(libvirt, store);
        await handler.StartAsync();
        var vmi = store.Create(TestGuest.Vmi(libvirt.Namespace, "running", handler.Node));

        var running = await store.WaitForRunningAsync(vmi);
        await SerialLog.WaitForAsync(handler.SerialLog(vmi), $"{TestGuest.Booted} running", VmiAssertions.StartTimeout);

        Assert.Contains(Finalizers.Handler, running.Metadata.Finalizers ?? []);
        Assert.Equal("10.0.2.15", Assert.Single(running.Status!.Interfaces!).IpAddress);
        Assert.Equal(handler.Node, running.Status.NodeName);
        Assert.Null(VmiAssertions.Condition(running, ConditionTypes.Paused));
        var domain = handler.Domains.Find(libvirt.Namespace, "running");
        Assert.Equal(DomainState.Running, domain?.Status.State);
        Assert.Equal(vmi.Metadata.Uid, domain?.Identity?.Uid);
    }

    [Fact]
    public async Task A_vmi_with_startStrategy_Paused_runs_paused_with_the_PausedByUser_condition_until_resumed()
    {
        var store = new InMemoryVmiStore();
        await using var handler = new HandlerStack(libvirt, store);
        await handler.StartAsync();
        var spec = TestGuest.Vmi(libvirt.Namespace, "startpaused", handler.Node);
        spec.Spec.StartStrategy = StartStrategy.Paused;
        var vmi = store.Create(spec);

        var paused = await store.WaitForAsync(vmi, v => v.Status?.Phase == VirtualMachineInstancePhase.Running && VmiAssertions.IsTrue(v, ConditionTypes.Paused), "Running and Paused");
        var condition = VmiAssertions.Condition(paused, ConditionTypes.Paused)!;
        Assert.Equal(ConditionReasons.PausedByUser, condition.Reason);
        Assert.Equal(KubeVirtMessages.PausedByUser, condition.Message);
        Assert.Equal(-1, SerialLog.LastTick(handler.SerialLog(vmi)));

        // Resumed outside the endpoint: the resume event alone clears the condition.
        handler.Domains.Libvirt.Resume(handler.Domains.Find(libvirt.Namespace, "startpaused")!.DomainName);
        await store.WaitForAsync(vmi, v => VmiAssertions.Condition(v, ConditionTypes.Paused) is null, "the Paused condition to go", TimeSpan.FromSeconds(10));
        await SerialLog.WaitForAsync(handler.SerialLog(vmi), TestGuest.Booted, VmiAssertions.StartTimeout);
    }

    [Fact]
    public async Task A_vmi_scheduled_to_another_node_gets_no_domain_and_no_finalizer()
    {
        var store = new InMemoryVmiStore();
        await using var handler = new HandlerStack(libvirt, store);
        await handler.StartAsync();
        var vmi = store.Create(TestGuest.Vmi(libvirt.Namespace, "elsewhere", "some-other-node"));
        var control = store.Create(TestGuest.Vmi(libvirt.Namespace, "here", handler.Node));

        await store.WaitForRunningAsync(control);

        Assert.Null(handler.Domains.Find(libvirt.Namespace, "elsewhere"));
        Assert.Empty(store.Get(libvirt.Namespace, "elsewhere")!.Metadata.Finalizers ?? []);
    }

    [Fact]
    public async Task A_vmi_whose_image_is_missing_reports_Synchronized_False_and_starts_nothing()
    {
        var store = new InMemoryVmiStore();
        await using var handler = new HandlerStack(libvirt, store);
        await handler.StartAsync();
        var spec = TestGuest.Vmi(libvirt.Namespace, "noimage", handler.Node);
        spec.Spec.Volumes![0].ContainerDisk!.Image = "localhost/vm-lifecycle/does-not-exist:latest";
        var vmi = store.Create(spec);

        var failed = await store.WaitForAsync(vmi, v => VmiAssertions.Condition(v, ConditionTypes.Synchronized)?.Status == ConditionStatus.False, "Synchronized False", TimeSpan.FromSeconds(20));

        Assert.Contains("does-not-exist", VmiAssertions.Condition(failed, ConditionTypes.Synchronized)!.Message, StringComparison.Ordinal);
        Assert.Null(handler.Domains.Find(libvirt.Namespace, "noimage"));
        Assert.NotEqual(VirtualMachineInstancePhase.Running, failed.Status!.Phase);
    }
}
