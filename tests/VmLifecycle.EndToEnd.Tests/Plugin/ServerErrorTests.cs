using VmLifecycle.Api.Conventions;
using VmLifecycle.EndToEnd.Tests.TestSupport;

namespace VmLifecycle.EndToEnd.Tests.Plugin;

/// <summary>
/// Server errors through <c>kubectl virt</c>: the aggregator's 404, behind virtctl's prefix, exit 1 (kube-apiserver's
/// 403 for every command is in Authorization/ViewRoleTests).
/// </summary>
[Collection(LocalStackTests.Name)]
public sealed class ServerErrorTests(LocalStackFixture stack)
{
    [Fact]
    public async Task Starting_A_Missing_Vm_Is_Not_Found()
    {
        var ns = await stack.CreateNamespaceAsync("plugin-missing");

        var result = await stack.Editor.WithPlugins(stack.PluginDirectory).VirtAsync("start", "nope", "-n", ns);

        result.FailedWith(KubeVirtMessages.VirtctlStartFailed("virtualmachine.kubevirt.io \"nope\" not found"));
    }
}
