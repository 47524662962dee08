using VmLifecycle.EndToEnd.Tests.TestSupport;

namespace VmLifecycle.EndToEnd.Tests.Lifecycle;

/// <summary>A VMI from examples/vmi.yaml on the stack's real libvirt: it boots, and pause is read-your-writes.</summary>
[Collection(LocalStackTests.Name)]
public sealed class VirtualMachineInstanceTests(LocalStackFixture stack)
{
    private const string BootMarker = "VMLIFECYCLE-GUEST BOOTED";

    [Fact]
    public async Task The_Example_Vmi_Boots_On_The_First_Node_And_Pauses_With_The_Condition_In_Place()
    {
        await Eventually.ReturnsAsync(
            stack.HasControllersAsync, held => held, TimeSpan.FromSeconds(60), "the VM/VMI controllers hold their Lease");
        var ns = await stack.CreateNamespaceAsync("vmi");

        await stack.Admin.SucceedAsync("create", "-n", ns, "-f", Path.Combine(stack.RepositoryRoot, "examples", "vmi.yaml"));

        await Eventually.ReturnsAsync(
            () => stack.Admin.SucceedAsync("get", "vmi", "testvmi", "-n", ns, "-o", "jsonpath={.status.phase}"),
            phase => phase == "Running", TimeSpan.FromSeconds(120), "testvmi is Running");
        var node = await stack.Admin.SucceedAsync("get", "vmi", "testvmi", "-n", ns, "-o", "jsonpath={.status.nodeName}");
        var uid = await stack.Admin.SucceedAsync("get", "vmi", "testvmi", "-n", ns, "-o", "jsonpath={.metadata.uid}");
        Assert.Equal(stack.NodeName(1), node);
        var serialLog = Path.Combine(stack.HandlerStateDirectory(node), "domains", $"{ns}_testvmi_{uid}", "serial.log");
        await Eventually.ReturnsAsync(
            () => Task.FromResult(File.Exists(serialLog) ? File.ReadAllText(serialLog) : ""),
            log => log.Contains(BootMarker, StringComparison.Ordinal), TimeSpan.FromSeconds(60), $"the boot marker in {serialLog}");

        var pause = await stack.Editor.PutRawAsync($"/apis/subresources.kubevirt.io/v1/namespaces/{ns}/virtualmachineinstances/testvmi/pause");
        var message = await stack.Admin.SucceedAsync("get", "vmi", "testvmi", "-n", ns, "-o=jsonpath={.status.conditions[?(@.type==\"Paused\")].message}");

        Assert.True(pause.ExitCode == 0, pause.Error);
        Assert.Equal("VMI was paused by user", message);

        var unpause = await stack.Editor.PutRawAsync($"/apis/subresources.kubevirt.io/v1/namespaces/{ns}/virtualmachineinstances/testvmi/unpause");
        Assert.True(unpause.ExitCode == 0, unpause.Error);
        Assert.Equal("", await stack.Admin.SucceedAsync("get", "vmi", "testvmi", "-n", ns, "-o=jsonpath={.status.conditions[?(@.type==\"Paused\")].message}"));
        await stack.Admin.SucceedAsync("delete", "vmi", "testvmi", "-n", ns, "--wait=false");
    }
}
