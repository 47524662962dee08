using VmLifecycle.Api.Conventions;
using VmLifecycle.EndToEnd.Tests.TestSupport;
using VmLifecycle.TestSupport.Polling;
using VmLifecycle.TestSupport.Processes;
using static VmLifecycle.EndToEnd.Tests.Plugin.PluginSteps;

namespace VmLifecycle.EndToEnd.Tests.Authorization;

/// <summary>
/// A user bound to the default view role (which the chart's aggregated role extends with reading VMs and VMIs only):
/// gets and lists, and every lifecycle command of the plugin is refused with kube-apiserver's 403 before it reaches
/// the aggregator, leaving the running VM as it was. (The editor's side, every command succeeding, is the Plugin tests.)
/// </summary>
[Collection(LocalStackTests.Name)]
public sealed class ViewRoleTests(LocalStackFixture stack)
{
    private const string Observed = "{.metadata.generation} {.spec.runStrategy} {.status.stateChangeRequests}";

    private Kubectl Viewer => stack.Viewer.WithPlugins(stack.PluginDirectory);

    [Fact]
    public async Task A_Viewer_Gets_And_Lists_But_Every_Lifecycle_Command_Is_Forbidden()
    {
        await WaitForControllersAsync(stack);
        var ns = await CreateFromExampleAsync(stack, "viewer", "vm-always.yaml");
        var uid = await WaitForRunningVmiAsync(stack, ns, "testvm");
        await Eventually.ReturnsAsync(
            () => VmAsync(stack, ns, "testvm", "{.status.printableStatus}"), status => status == "Running", BootTimeout, "testvm is Running",
            TestContext.Current.CancellationToken);
        var before = await VmAsync(stack, ns, "testvm", Observed);

        Assert.Equal("Running", KubectlTable.Parse(await Viewer.SucceedAsync("get", "vms", "-n", ns)).Cell("testvm", "STATUS"));
        Assert.Equal("Running", KubectlTable.Parse(await Viewer.SucceedAsync("get", "vm", "testvm", "-n", ns)).Cell("testvm", "STATUS"));
        Assert.Equal("Running", KubectlTable.Parse(await Viewer.SucceedAsync("get", "vmis", "-n", ns)).Cell("testvm", "PHASE"));
        Assert.Equal("Running", KubectlTable.Parse(await Viewer.SucceedAsync("get", "vmi", "testvm", "-n", ns)).Cell("testvm", "PHASE"));

        foreach (var (arguments, expected) in ForbiddenCommands(ns))
        {
            (await Viewer.VirtAsync([.. arguments, "-n", ns])).FailedWith(expected);
        }

        // The same binary as virtctl answers the same.
        (await Viewer.VirtctlAsync("stop", "testvm", "-n", ns)).FailedWith(KubeVirtMessages.VirtctlStopFailed(Forbidden(ns, "virtualmachines", "testvm", "stop")));
        (await Viewer.VirtctlAsync("pause", "vm", "testvm", "-n", ns))
            .FailedWith(KubeVirtMessages.VirtctlPauseFailed("pausing", "testvm", Forbidden(ns, "virtualmachineinstances", "testvm", "pause")));
        Assert.Equal(before, await VmAsync(stack, ns, "testvm", Observed));
        Assert.Equal(uid + " Running ", await VmiAsync(stack, ns, "testvm", "{.metadata.uid} {.status.phase} {.status.conditions[?(@.type==\"Paused\")].status}"));
        Assert.Equal("", await VmAsync(stack, ns, "new-name", "{.metadata.name}"));
    }

    private static IEnumerable<(string[] Arguments, string Error)> ForbiddenCommands(string ns)
    {
        string Vm(string subresource) => Forbidden(ns, "virtualmachines", "testvm", subresource);
        string Vmi(string subresource) => Forbidden(ns, "virtualmachineinstances", "testvm", subresource);
        yield return (["start", "testvm"], KubeVirtMessages.VirtctlStartFailed(Vm("start")));
        yield return (["stop", "testvm"], KubeVirtMessages.VirtctlStopFailed(Vm("stop")));
        yield return (["stop", "testvm", "--grace-period", "0", "--force"], KubeVirtMessages.VirtctlForceStopFailed(Vm("stop")));
        yield return (["restart", "testvm"], KubeVirtMessages.VirtctlRestartFailed(Vm("restart")));
        yield return (["restart", "testvm", "--grace-period", "0", "--force"], KubeVirtMessages.VirtctlForceRestartFailed(Vm("restart")));
        yield return (["pause", "vm", "testvm"], KubeVirtMessages.VirtctlPauseFailed("pausing", "testvm", Vmi("pause")));
        yield return (["pause", "vmi", "testvm"], KubeVirtMessages.VirtctlPauseFailed("pausing", "testvm", Vmi("pause")));
        yield return (["unpause", "vm", "testvm"], KubeVirtMessages.VirtctlPauseFailed("unpausing", "testvm", Vmi("unpause")));
        yield return (["unpause", "vmi", "testvm"], KubeVirtMessages.VirtctlPauseFailed("unpausing", "testvm", Vmi("unpause")));
        yield return (["rename", "testvm", "new-name"], KubeVirtMessages.VirtctlRenameFailed(Vm("rename")));
    }

    /// <summary>kube-apiserver's 403 for an update of a subresource of subresources.kubevirt.io.</summary>
    internal static string Forbidden(string ns, string resource, string name, string subresource) =>
        $"{resource}.subresources.kubevirt.io \"{name}\" is forbidden: User \"{LocalStackFixture.ViewerName}\" " +
        $"cannot update resource \"{resource}/{subresource}\" in API group \"subresources.kubevirt.io\" in the namespace \"{ns}\"";
}
