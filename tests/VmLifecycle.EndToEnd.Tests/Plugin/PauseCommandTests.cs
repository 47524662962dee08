using VmLifecycle.Api.Conventions;
using VmLifecycle.EndToEnd.Tests.TestSupport;
using static VmLifecycle.EndToEnd.Tests.Plugin.PluginSteps;

namespace VmLifecycle.EndToEnd.Tests.Plugin;

/// <summary>The pause walkthrough of the lifecycle guide on examples/vm-always.yaml: the vm and vmi forms of pause and unpause.</summary>
[Collection(LocalStackTests.Name)]
public sealed class PauseCommandTests(LocalStackFixture stack)
{
    private const string PausedMessage = "{.status.conditions[?(@.type==\"Paused\")].message}";

    private Kubectl Editor => stack.Editor.WithPlugins(stack.PluginDirectory);

    [Fact]
    public async Task Pause_And_Unpause_By_Vm_And_By_Vmi()
    {
        await WaitForControllersAsync(stack);
        var ns = await CreateFromExampleAsync(stack, "plugin-pause", "vm-always.yaml");
        var uid = await WaitForRunningVmiAsync(stack, ns, "testvm");

        (await Editor.VirtctlAsync("pause", "vm", "testvm", "-n", ns)).PrintedExactly(KubeVirtMessages.VmiScheduledTo("testvm", "pause"));
        // The guide's command, right after pause returns.
        Assert.Equal(KubeVirtMessages.PausedByUser, await stack.Admin.SucceedAsync("get", "vmi", "testvm", "-n", ns, $"-o=jsonpath={PausedMessage}"));

        (await Editor.VirtctlAsync("unpause", "vm", "testvm", "-n", ns)).PrintedExactly(KubeVirtMessages.VmiScheduledTo("testvm", "unpause"));
        Assert.Equal("", await VmiAsync(stack, ns, "testvm", PausedMessage));

        (await Editor.VirtAsync("pause", "vmi", "testvm", "-n", ns, "--dry-run")).PrintedExactly(KubeVirtMessages.VmiScheduledTo("testvm", "pause"));
        Assert.Equal("", await VmiAsync(stack, ns, "testvm", PausedMessage));

        (await Editor.VirtAsync("pause", "vmi", "testvm", "-n", ns)).PrintedExactly(KubeVirtMessages.VmiScheduledTo("testvm", "pause"));
        Assert.Equal(KubeVirtMessages.PausedByUser, await VmiAsync(stack, ns, "testvm", PausedMessage));

        (await Editor.VirtAsync("unpause", "vmi", "testvm", "-n", ns, "--dry-run")).PrintedExactly(KubeVirtMessages.VmiScheduledTo("testvm", "unpause"));
        Assert.Equal(KubeVirtMessages.PausedByUser, await VmiAsync(stack, ns, "testvm", PausedMessage));

        (await Editor.VirtAsync("unpause", "vmi", "testvm", "-n", ns)).PrintedExactly(KubeVirtMessages.VmiScheduledTo("testvm", "unpause"));
        Assert.Equal("", await VmiAsync(stack, ns, "testvm", PausedMessage));
        Assert.Equal(uid + " Running", await VmiAsync(stack, ns, "testvm", "{.metadata.uid} {.status.phase}"));

        (await Editor.VirtctlAsync("stop", "testvm", "--grace-period", "0", "--force", "-n", ns)).PrintedExactly(KubeVirtMessages.VmScheduledTo("testvm", "stop"));
        await WaitForVmiGoneAsync(stack, ns, "testvm");
    }
}
