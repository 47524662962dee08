using VmLifecycle.Fault.Tests.TestSupport;

namespace VmLifecycle.Fault.Tests.Recovery;

/// <summary>Issue #6: kill -9 of the handler with three VMIs running, then the handler restarted as the stack restarts it.</summary>
[Collection(FaultStackTests.Name)]
public sealed class HandlerKillTests(FaultStackFixture stack)
{
    private static readonly string[] Names = ["vmi-a", "vmi-b", "vmi-c"];

    [Fact]
    public async Task Killed_Handler_Readopts_Its_Three_Running_Domains_Without_Duplicates_After_A_Restart()
    {
        var ns = await stack.CreateNamespaceAsync("handler-kill");
        try
        {
            await Steps.WaitForControllersAsync(stack);
            var created = await stack.Admin.ApplyAsync(string.Concat(Names.Select(Manifests.VirtualMachineInstance)), "-n", ns);
            Assert.True(created.ExitCode == 0, created.ToString());
            var before = await Steps.WaitForRunningVmisAsync(stack, ns, Names);
            var qemusBefore = before.Qemus.ToDictionary(qemu => qemu.Domain, qemu => qemu.Pid);
            var otherPids = StackProcess.All.Where(process => process != StackProcess.Handler).ToDictionary(process => process, stack.PidOf);

            var killed = await stack.KillAsync(StackProcess.Handler);
            var whileDead = await Inventory.TakeAsync(stack, ns);
            await stack.RestartAsync();

            // local-up restarted the handler only.
            Assert.NotEqual(killed, stack.PidOf(StackProcess.Handler));
            Assert.All(otherPids, pair => Assert.Equal(pair.Value, stack.PidOf(pair.Key)));
            // The domains ran on without the handler, in the same QEMUs.
            Assert.Equal(Names.Length, whileDead.Domains.Count(domain => domain.Active));
            var after = await Steps.WaitForRunningVmisAsync(stack, ns, Names);
            Assert.Equal(before.Vmis.Select(vmi => vmi.Uid).Order(), after.Vmis.Select(vmi => vmi.Uid).Order());
            Assert.Equal(Names.Length, after.Domains.Count);
            Assert.Equal(qemusBefore, after.Qemus.ToDictionary(qemu => qemu.Domain, qemu => qemu.Pid));

            // The restarted handler owns them: pause/unpause go through it, and deleting the VMIs removes the domains.
            var pause = await stack.Admin.VirtAsync("pause", "vmi", Names[0], "-n", ns);
            Assert.True(pause.ExitCode == 0, pause.ToString());
            Assert.Equal("VMI was paused by user", await stack.Admin.SucceedAsync("get", "vmi", Names[0], "-n", ns, "-o=jsonpath={.status.conditions[?(@.type==\"Paused\")].message}"));
            var unpause = await stack.Admin.VirtAsync("unpause", "vmi", Names[0], "-n", ns);
            Assert.True(unpause.ExitCode == 0, unpause.ToString());
            await stack.Admin.SucceedAsync("delete", "vmi", "--all", "-n", ns, "--wait=false");
            await Steps.WaitForEmptyAsync(stack, ns);
        }
        finally
        {
            await stack.EnsureUpAsync();
            await Steps.RemoveNamespaceAsync(stack, ns);
        }
    }
}
