using VmLifecycle.Fault.Tests.TestSupport;
using VmLifecycle.TestSupport.Polling;

namespace VmLifecycle.Fault.Tests.Recovery;

/// <summary>
/// Issue #6: libvirtd restarted (stopped, then started again by hack/local-up.sh) while VMs run: the domains keep
/// running in the same QEMUs, and the handler's connection comes back with its domain events, so pause, unpause and
/// stop work and the statuses converge.
/// </summary>
[Collection(FaultStackTests.Name)]
public sealed class LibvirtdRestartTests(FaultStackFixture stack)
{
    private static readonly string[] Vms = ["vm-a", "vm-b"];

    [Fact]
    public async Task Domains_Survive_A_Libvirtd_Restart_And_The_Handler_Reconnects_With_Its_Events()
    {
        var ns = await stack.CreateNamespaceAsync("libvirtd-restart");
        try
        {
            await Steps.WaitForControllersAsync(stack);
            var created = await stack.Admin.ApplyAsync(string.Concat(Vms.Select(vm => Manifests.VirtualMachine(vm, "Always"))), "-n", ns);
            Assert.True(created.ExitCode == 0, created.ToString());
            var before = await Convergence.WaitAsync(stack, ns, Vms, Steps.BootTimeout, "after the VMs were created");
            var qemusBefore = before.Qemus.ToDictionary(qemu => qemu.Domain, qemu => qemu.Pid);
            var otherPids = StackProcess.All.Where(process => process != StackProcess.Libvirtd).ToDictionary(process => process, stack.PidOf);

            var stopped = await stack.TerminateAsync(StackProcess.Libvirtd);
            Assert.Equal(qemusBefore, ProcessTable.Qemus(stack.LibvirtMountNamespace, ns + "_").ToDictionary(qemu => qemu.Domain, qemu => qemu.Pid));
            await stack.RestartAsync();

            Assert.NotEqual(stopped, stack.PidOf(StackProcess.Libvirtd));
            Assert.All(otherPids, pair => Assert.Equal(pair.Value, stack.PidOf(pair.Key)));
            var after = await Convergence.WaitAsync(stack, ns, Vms, TimeSpan.FromSeconds(30), "after libvirtd was restarted");
            Assert.Equal(qemusBefore, after.Qemus.ToDictionary(qemu => qemu.Domain, qemu => qemu.Pid));
            Assert.Equal(before.Vmis.Select(vmi => vmi.Uid).Order(), after.Vmis.Select(vmi => vmi.Uid).Order());

            // Pause goes through the handler's libvirt connection, which may still be coming back (bounded retries).
            var events = await HandlerMetrics.DomainEventsAsync(stack);
            await Eventually.ReturnsAsync(
                () => stack.Admin.VirtAsync("pause", "vm", Vms[0], "-n", ns), result => result.ExitCode == 0, TimeSpan.FromSeconds(60), $"kubectl virt pause vm {Vms[0]} succeeds",
                TestContext.Current.CancellationToken);
            Assert.Equal("VMI was paused by user", await stack.Admin.SucceedAsync("get", "vmi", Vms[0], "-n", ns, "-o=jsonpath={.status.conditions[?(@.type==\"Paused\")].message}"));
            Assert.Equal("paused", (await stack.Virsh.RunAsync("domstate", $"{ns}_{Vms[0]}")).Output.Trim());
            // The suspend came back as a libvirt lifecycle event: the event callback is registered on the new connection.
            await Eventually.ReturnsAsync(() => HandlerMetrics.DomainEventsAsync(stack), seen => seen > events, TimeSpan.FromSeconds(30), $"the handler receives domain events again (had {events})",
                TestContext.Current.CancellationToken);
            var unpause = await stack.Admin.VirtAsync("unpause", "vm", Vms[0], "-n", ns);
            Assert.True(unpause.ExitCode == 0, unpause.ToString());
            Assert.Equal("running", (await stack.Virsh.RunAsync("domstate", $"{ns}_{Vms[0]}")).Output.Trim());

            var stop = await stack.Admin.VirtAsync("stop", Vms[1], "-n", ns);
            Assert.True(stop.ExitCode == 0, stop.ToString());
            var stoppedView = await Convergence.WaitAsync(stack, ns, Vms, Steps.StopTimeout, "after vm-b was stopped");
            Assert.Equal("Halted", stoppedView.Vms.Single(vm => vm.Name == Vms[1]).RunStrategy);
            Assert.Equal("Running", stoppedView.Vms.Single(vm => vm.Name == Vms[0]).PrintableStatus);
        }
        finally
        {
            await stack.EnsureUpAsync();
            await Steps.RemoveNamespaceAsync(stack, ns);
        }
    }
}
