using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Handler.Domains;
using VmLifecycle.Handler.Tests.Infrastructure;

namespace VmLifecycle.Handler.Tests.Lifecycle;

/// <summary>A handler restart: running domains are adopted, never started twice; domains of deleted VMIs are removed.</summary>
public sealed class ReadoptionTests(LibvirtFixture libvirt)
{
    [Fact]
    public async Task After_a_restart_the_running_domains_are_readopted_with_the_same_uids_and_a_stale_domain_is_removed()
    {
        var store = new InMemoryVmiStore();
        var node = HandlerStack.UniqueNode(libvirt);
        string[] names = ["adopt-a", "adopt-b", "adopt-c"];
        VirtualMachineInstance[] vmis;
        VirtualMachineInstance stale;
        var first = new HandlerStack(libvirt, store, node);
        await using (first)
        {
            await first.StartAsync();
            vmis = [.. names.Select(n => store.Create(TestGuest.Vmi(libvirt.Namespace, n, node)))];
            stale = store.Create(TestGuest.Vmi(libvirt.Namespace, "adopt-stale", node));
            await Task.WhenAll([.. vmis.Append(stale).Select(v => SerialLog.WaitForAsync(first.SerialLog(v), TestGuest.Booted, VmiAssertions.StartTimeout))]);
            await Task.WhenAll([.. vmis.Select(store.WaitForRunningAsync)]);
        }

        // The handler is gone; its domains keep running. Meanwhile one VMI is deleted for good.
        store.Purge(libvirt.Namespace, "adopt-stale");
        var statusWritesBefore = store.StatusWrites;
        var second = new HandlerStack(libvirt, store, node);
        await using (second)
        {
            await second.StartAsync();
            await Eventually.WaitAsync(() => second.Domains.Find(libvirt.Namespace, "adopt-stale") is null, TimeSpan.FromSeconds(10), "the stale domain to be removed");

            var owned = second.Domains.ListOwned();
            Assert.Equal(names, owned.Select(d => d.Identity!.Name).Order());
            foreach (var vmi in vmis)
            {
                var domain = Assert.Single(owned, d => d.Identity!.Name == vmi.Metadata.Name);
                Assert.Equal(vmi.Metadata.Uid, domain.Identity!.Uid);
                Assert.True(domain.Status.IsActive);
                var current = store.Get(libvirt.Namespace, vmi.Metadata.Name)!;
                Assert.Equal(VirtualMachineInstancePhase.Running, current.Status!.Phase);

                // Booted once: the adopted guest was not started a second time.
                var log = SerialLog.Read(second.SerialLog(vmi));
                Assert.Equal(2, log.Split(TestGuest.Booted).Length);
            }

            Assert.Equal(statusWritesBefore, store.StatusWrites);
            Assert.False(Directory.Exists(InstanceStateDirectory.For(libvirt.StateDirectory, new DomainIdentity(libvirt.Namespace, "adopt-stale", stale.Metadata.Uid, node)).Path));
        }
    }

    [Fact]
    public async Task After_a_restart_a_domain_of_an_older_vmi_with_the_same_name_is_replaced_by_the_new_vmis_domain()
    {
        var store = new InMemoryVmiStore();
        var node = HandlerStack.UniqueNode(libvirt);
        VirtualMachineInstance old;
        var first = new HandlerStack(libvirt, store, node);
        await using (first)
        {
            await first.StartAsync();
            old = store.Create(TestGuest.Vmi(libvirt.Namespace, "replaced", node));
            await store.WaitForRunningAsync(old);
        }

        // While no handler runs, the VMI is deleted for good and created again: same name, new uid.
        store.Purge(libvirt.Namespace, "replaced");
        var replacement = store.Create(TestGuest.Vmi(libvirt.Namespace, "replaced", node));
        var second = new HandlerStack(libvirt, store, node);
        await using (second)
        {
            await second.StartAsync();
            await store.WaitForRunningAsync(replacement);

            var domain = second.Domains.Find(libvirt.Namespace, "replaced");
            Assert.Equal(replacement.Metadata.Uid, domain?.Identity?.Uid);
            Assert.NotEqual(old.Metadata.Uid, replacement.Metadata.Uid);
            Assert.Single(second.Domains.ListOwned());
            Assert.False(Directory.Exists(Path.GetDirectoryName(second.SerialLog(old))));
        }
    }
}
