using VmLifecycle.Api.Conventions;
using VmLifecycle.EndToEnd.Tests.TestSupport;
using VmLifecycle.TestSupport.Polling;
using VmLifecycle.TestSupport.Processes;
using static VmLifecycle.EndToEnd.Tests.Plugin.PluginSteps;

namespace VmLifecycle.EndToEnd.Tests.Plugin;

/// <summary>
/// start, restart, stop, force stop and rename of examples/vm.yaml through the real kubectl as <c>kubectl virt ...</c>
/// and through the virtctl symlink, as the editor, each test in a namespace of its own. A graceful stop reaches the guest
/// as an ACPI power-off (its POWEROFF line); a forced one does not.
/// </summary>
[Collection(LocalStackTests.Name)]
public sealed class RunStateCommandTests(LocalStackFixture stack)
{
    private const string RunStrategyAndRequests = "{.metadata.generation} {.spec.runStrategy} {.status.stateChangeRequests}";

    private Kubectl Editor => stack.Editor.WithPlugins(stack.PluginDirectory);

    [Fact]
    public async Task Start_Restart_Stop_And_Rename_With_The_Documented_Lines()
    {
        await WaitForControllersAsync(stack);
        var ns = await CreateFromExampleAsync(stack, "plugin-run", "vm.yaml");

        (await Editor.VirtctlAsync("start", "my-vm", "-n", ns)).PrintedExactly(KubeVirtMessages.VmScheduledTo("my-vm", "start"));
        await Eventually.ReturnsAsync(
            () => VmAsync(stack, ns, "my-vm", "{.status.printableStatus}"), status => status == "Running", BootTimeout, "my-vm is Running",
            TestContext.Current.CancellationToken);
        var firstUid = await WaitForRunningVmiAsync(stack, ns, "my-vm");

        var running = await VmAsync(stack, ns, "my-vm", RunStrategyAndRequests);
        (await Editor.VirtAsync("restart", "my-vm", "-n", ns, "--dry-run")).PrintedExactly(KubeVirtMessages.VmScheduledTo("my-vm", "restart"));
        Assert.Equal(running, await VmAsync(stack, ns, "my-vm", RunStrategyAndRequests));
        Assert.Equal(firstUid, await VmiAsync(stack, ns, "my-vm", "{.metadata.uid}"));

        (await Editor.VirtAsync("restart", "my-vm", "-n", ns)).PrintedExactly(KubeVirtMessages.VmScheduledTo("my-vm", "restart"));
        var secondUid = await WaitForRunningVmiAsync(stack, ns, "my-vm", notUid: firstUid);
        Assert.NotEqual(firstUid, secondUid);
        await using var serialLog = await stack.Nodes.FollowSerialLogAsync(await VmiAsync(stack, ns, "my-vm", "{.status.nodeName}"), ns, "my-vm", secondUid);
        await serialLog.WaitForLineAsync(GuestConsole.Booted, GuestConsole.BootTimeout);

        (await Editor.VirtctlAsync("rename", "my-vm", "new-name", "-n", ns))
            .FailedWith(KubeVirtMessages.VirtctlRenameFailed(KubeVirtMessages.RenameRunningVmNotAllowed));
        Assert.Equal("", await VmAsync(stack, ns, "new-name", "{.metadata.name}"));

        (await Editor.VirtctlAsync("stop", "my-vm", "-n", ns)).PrintedExactly(KubeVirtMessages.VmScheduledTo("my-vm", "stop"));
        await serialLog.WaitForLineAsync(GuestConsole.PowerOff, StopTimeout);
        await WaitForVmiGoneAsync(stack, ns, "my-vm");
        await Eventually.ReturnsAsync(
            () => VmAsync(stack, ns, "my-vm", "{.status.printableStatus}"), status => status == "Stopped", StopTimeout, "my-vm is Stopped",
            TestContext.Current.CancellationToken);

        var before = await VmAsync(stack, ns, "my-vm", RunStrategyAndRequests);
        (await Editor.VirtctlAsync("rename", "my-vm", "new-name", "-n", ns, "--dry-run")).PrintedExactly(KubeVirtMessages.VmScheduledTo("my-vm", "rename"));
        Assert.Equal(before, await VmAsync(stack, ns, "my-vm", RunStrategyAndRequests));
        Assert.Equal("", await VmAsync(stack, ns, "new-name", "{.metadata.name}"));

        (await Editor.VirtctlAsync("rename", "my-vm", "new-name", "-n", ns)).PrintedExactly(KubeVirtMessages.VmScheduledTo("my-vm", "rename"));
        await Eventually.ReturnsAsync(
            () => Task.WhenAll(VmAsync(stack, ns, "new-name", "{.metadata.name}"), VmAsync(stack, ns, "my-vm", "{.metadata.name}")),
            names => names[0] == "new-name" && names[1].Length == 0, StopTimeout, "new-name exists and my-vm is gone",
            TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Start_Wait_Returns_Once_Running_A_Forced_Stop_Pulls_The_Plug_And_The_Halted_Vm_Renames()
    {
        await WaitForControllersAsync(stack);
        var ns = await CreateFromExampleAsync(stack, "plugin-force", "vm.yaml");

        var before = await VmAsync(stack, ns, "my-vm", RunStrategyAndRequests);
        (await Editor.VirtAsync("start", "my-vm", "-n", ns, "--dry-run")).PrintedExactly(KubeVirtMessages.VmScheduledTo("my-vm", "start"));
        Assert.Equal(before, await VmAsync(stack, ns, "my-vm", RunStrategyAndRequests));
        Assert.StartsWith("1 Halted", before, StringComparison.Ordinal);

        (await Editor.VirtAsync("start", "my-vm", "-n", ns, "--wait=2m")).PrintedExactly(KubeVirtMessages.VmScheduledTo("my-vm", "start"));
        Assert.Equal("Running", await VmAsync(stack, ns, "my-vm", "{.status.printableStatus}"));
        var uid = await WaitForRunningVmiAsync(stack, ns, "my-vm");

        // Not waiting for the boot marker: a forced stop must not depend on the guest (and on a loaded machine the
        // guest may still be booting); the log only has to show no ACPI power-off.
        await using var serialLog = await stack.Nodes.FollowSerialLogAsync(await VmiAsync(stack, ns, "my-vm", "{.status.nodeName}"), ns, "my-vm", uid);

        (await Editor.VirtctlAsync("stop", "my-vm", "--grace-period", "0", "--force", "-n", ns, "--dry-run"))
            .PrintedExactly(KubeVirtMessages.VmScheduledTo("my-vm", "stop"));
        Assert.Equal("Always", await VmAsync(stack, ns, "my-vm", "{.spec.runStrategy}"));
        Assert.Equal(uid, await VmiAsync(stack, ns, "my-vm", "{.metadata.uid}"));

        (await Editor.VirtAsync("stop", "my-vm", "--grace-period", "0", "--force", "-n", ns)).PrintedExactly(KubeVirtMessages.VmScheduledTo("my-vm", "stop"));
        Assert.Equal("Halted", await VmAsync(stack, ns, "my-vm", "{.spec.runStrategy}"));
        await WaitForVmiGoneAsync(stack, ns, "my-vm");
        // The power cord: the domain was destroyed, the guest never saw an ACPI power-off.
        Assert.DoesNotContain(GuestConsole.PowerOff, serialLog.Text, StringComparison.Ordinal);

        // A VM whose runStrategy is Halted can be renamed, here through kubectl virt.
        (await Editor.VirtAsync("rename", "my-vm", "renamed-vm", "-n", ns)).PrintedExactly(KubeVirtMessages.VmScheduledTo("my-vm", "rename"));
        await Eventually.ReturnsAsync(
            () => Task.WhenAll(VmAsync(stack, ns, "renamed-vm", "{.spec.runStrategy}"), VmAsync(stack, ns, "my-vm", "{.metadata.name}")),
            seen => seen[0] == "Halted" && seen[1].Length == 0, StopTimeout, "renamed-vm exists (Halted) and my-vm is gone",
            TestContext.Current.CancellationToken);
    }
}
