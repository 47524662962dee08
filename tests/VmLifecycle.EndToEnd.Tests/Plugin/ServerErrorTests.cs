using VmLifecycle.Api.Conventions;
using VmLifecycle.EndToEnd.Tests.TestSupport;
using static VmLifecycle.EndToEnd.Tests.Plugin.PluginSteps;

namespace VmLifecycle.EndToEnd.Tests.Plugin;

/// <summary>Server errors through <c>kubectl virt</c>: kube-apiserver's 403 and the aggregator's 404, behind virtctl's prefix, exit 1.</summary>
[Collection(LocalStackTests.Name)]
public sealed class ServerErrorTests(LocalStackFixture stack)
{
    [Fact]
    public async Task A_Viewers_Start_Is_Forbidden_With_Kube_Apiservers_Message()
    {
        var ns = await CreateFromExampleAsync(stack, "plugin-forbidden", "vm.yaml");

        var result = await stack.Viewer.WithPlugins(stack.PluginDirectory).VirtAsync("start", "my-vm", "-n", ns);

        result.FailedWith(KubeVirtMessages.VirtctlStartFailed(
            $"virtualmachines.subresources.kubevirt.io \"my-vm\" is forbidden: User \"{LocalStackFixture.ViewerName}\" " +
            $"cannot update resource \"virtualmachines/start\" in API group \"subresources.kubevirt.io\" in the namespace \"{ns}\""));
        Assert.Equal("Halted", await VmAsync(stack, ns, "my-vm", "{.spec.runStrategy}"));
    }

    [Fact]
    public async Task Starting_A_Missing_Vm_Is_Not_Found()
    {
        var ns = await stack.CreateNamespaceAsync("plugin-missing");

        var result = await stack.Editor.WithPlugins(stack.PluginDirectory).VirtAsync("start", "nope", "-n", ns);

        result.FailedWith(KubeVirtMessages.VirtctlStartFailed("virtualmachine.kubevirt.io \"nope\" not found"));
    }
}
