using VmLifecycle.Api.Conventions;
using VmLifecycle.EndToEnd.Tests.TestSupport;
using VmLifecycle.TestSupport.Processes;
using static VmLifecycle.EndToEnd.Tests.Plugin.PluginSteps;

namespace VmLifecycle.EndToEnd.Tests.Plugin;

/// <summary>
/// The pause walkthrough of the lifecycle guide on examples/vm-always.yaml, as the editor: pause and unpause by vm and
/// by vmi, as <c>virtctl</c> and as <c>kubectl virt</c>. Right after pause returns the VMI shows the condition, and the
/// guest's clock ticks (one a second on its serial console) stop until unpause.
/// </summary>
[Collection(LocalStackTests.Name)]
public sealed class PauseCommandTests(LocalStackFixture stack)
{
    private const string PausedMessage = "{.status.conditions[?(@.type==\"Paused\")].message}";
    private static readonly TimeSpan FollowerLatency = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan WatchWhilePaused = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan TickAfterUnpause = TimeSpan.FromSeconds(20);

    private Kubectl Editor => stack.Editor.WithPlugins(stack.PluginDirectory);

    [Fact]
    public async Task Pause_And_Unpause_By_Vm_And_By_Vmi()
    {
        await WaitForControllersAsync(stack);
        var ns = await CreateFromExampleAsync(stack, "plugin-pause", "vm-always.yaml");
        var uid = await WaitForRunningVmiAsync(stack, ns, "testvm");
        var node = await VmiAsync(stack, ns, "testvm", "{.status.nodeName}");
        await using var serialLog = await stack.Nodes.FollowSerialLogAsync(node, ns, "testvm", uid);
        await serialLog.WaitForAsync(log => GuestConsole.LastTick(log) > 0, GuestConsole.BootTimeout, "a first clock tick");

        // The guide's commands: virtctl pause vm, its jsonpath right after pause returns, virtctl unpause vm.
        (await Editor.VirtctlAsync("pause", "vm", "testvm", "-n", ns)).PrintedExactly(KubeVirtMessages.VmiScheduledTo("testvm", "pause"));
        Assert.Equal(KubeVirtMessages.PausedByUser, await stack.Admin.SucceedAsync("get", "vmi", "testvm", "-n", ns, $"-o=jsonpath={PausedMessage}"));
        await AssertNoTicksWhilePausedAsync(serialLog);

        (await Editor.VirtctlAsync("unpause", "vm", "testvm", "-n", ns)).PrintedExactly(KubeVirtMessages.VmiScheduledTo("testvm", "unpause"));
        Assert.Equal("", await VmiAsync(stack, ns, "testvm", PausedMessage));
        await AssertTicksResumeAsync(serialLog);

        (await Editor.VirtAsync("pause", "vmi", "testvm", "-n", ns, "--dry-run")).PrintedExactly(KubeVirtMessages.VmiScheduledTo("testvm", "pause"));
        Assert.Equal("", await VmiAsync(stack, ns, "testvm", PausedMessage));

        (await Editor.VirtAsync("pause", "vmi", "testvm", "-n", ns)).PrintedExactly(KubeVirtMessages.VmiScheduledTo("testvm", "pause"));
        Assert.Equal(KubeVirtMessages.PausedByUser, await VmiAsync(stack, ns, "testvm", PausedMessage));
        await AssertNoTicksWhilePausedAsync(serialLog);

        (await Editor.VirtAsync("unpause", "vmi", "testvm", "-n", ns, "--dry-run")).PrintedExactly(KubeVirtMessages.VmiScheduledTo("testvm", "unpause"));
        Assert.Equal(KubeVirtMessages.PausedByUser, await VmiAsync(stack, ns, "testvm", PausedMessage));

        (await Editor.VirtAsync("unpause", "vmi", "testvm", "-n", ns)).PrintedExactly(KubeVirtMessages.VmiScheduledTo("testvm", "unpause"));
        Assert.Equal("", await VmiAsync(stack, ns, "testvm", PausedMessage));
        await AssertTicksResumeAsync(serialLog);

        // The other two spellings: kubectl virt ... vm, virtctl ... vmi.
        (await Editor.VirtAsync("pause", "vm", "testvm", "-n", ns)).PrintedExactly(KubeVirtMessages.VmiScheduledTo("testvm", "pause"));
        Assert.Equal(KubeVirtMessages.PausedByUser, await VmiAsync(stack, ns, "testvm", PausedMessage));
        (await Editor.VirtAsync("unpause", "vm", "testvm", "-n", ns)).PrintedExactly(KubeVirtMessages.VmiScheduledTo("testvm", "unpause"));
        Assert.Equal("", await VmiAsync(stack, ns, "testvm", PausedMessage));
        (await Editor.VirtctlAsync("pause", "vmi", "testvm", "-n", ns)).PrintedExactly(KubeVirtMessages.VmiScheduledTo("testvm", "pause"));
        Assert.Equal(KubeVirtMessages.PausedByUser, await VmiAsync(stack, ns, "testvm", PausedMessage));
        (await Editor.VirtctlAsync("unpause", "vmi", "testvm", "-n", ns)).PrintedExactly(KubeVirtMessages.VmiScheduledTo("testvm", "unpause"));
        Assert.Equal("", await VmiAsync(stack, ns, "testvm", PausedMessage));
        Assert.Equal(uid + " Running", await VmiAsync(stack, ns, "testvm", "{.metadata.uid} {.status.phase}"));

        // A graceful stop through kubectl virt: the guest powers off on ACPI.
        (await Editor.VirtAsync("stop", "testvm", "-n", ns)).PrintedExactly(KubeVirtMessages.VmScheduledTo("testvm", "stop"));
        await serialLog.WaitForLineAsync(GuestConsole.PowerOff, StopTimeout);
        await WaitForVmiGoneAsync(stack, ns, "testvm");
    }

    /// <summary>
    /// Pause has returned: no clock tick is completed from now on, watched for a few seconds. The baseline is taken once
    /// the follower has read what was written before the pause (it polls the file, or kubectl exec streams it).
    /// </summary>
    private static async Task AssertNoTicksWhilePausedAsync(SerialLogFollower serialLog)
    {
        await Task.Delay(FollowerLatency, TestContext.Current.CancellationToken);
        var atPause = GuestConsole.LastTick(serialLog.Text);

        await Task.Delay(WatchWhilePaused, TestContext.Current.CancellationToken);

        Assert.Equal(atPause, GuestConsole.LastTick(serialLog.Text));
    }

    private static async Task AssertTicksResumeAsync(SerialLogFollower serialLog)
    {
        var atUnpause = GuestConsole.LastTick(serialLog.Text);
        await serialLog.WaitForAsync(log => GuestConsole.LastTick(log) > atUnpause, TickAfterUnpause, $"a tick after {atUnpause}");
    }
}
