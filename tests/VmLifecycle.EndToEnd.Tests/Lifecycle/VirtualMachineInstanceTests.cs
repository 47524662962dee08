using VmLifecycle.EndToEnd.Tests.TestSupport;
using VmLifecycle.TestSupport.Polling;
using VmLifecycle.TestSupport.Processes;

namespace VmLifecycle.EndToEnd.Tests.Lifecycle;

/// <summary>
/// The guide's VirtualMachineInstance commands with examples/vmi.yaml, as the editor: <c>kubectl create -f vmi.yaml</c>
/// boots the guest, <c>kubectl get vmis</c> lists it with its phase and node, and both spellings of the delete shut the
/// guest down with ACPI and remove the instance for good.
/// </summary>
[Collection(LocalStackTests.Name)]
public sealed class VirtualMachineInstanceTests(LocalStackFixture stack)
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Afterwards = TimeSpan.FromSeconds(5);
    private static readonly string[] Columns = ["NAME", "AGE", "PHASE", "IP", "NODENAME", "READY"];

    private string VmiFile => Path.Combine(stack.RepositoryRoot, "examples", "vmi.yaml");

    [Fact]
    public async Task Create_Boots_The_Guest_Get_Lists_It_And_Delete_By_File_Shuts_It_Down_For_Good()
    {
        var (ns, node, serialLog) = await CreateAndBootAsync("vmi-file");
        await using var log = serialLog;

        foreach (var table in new[]
                 {
                     KubectlTable.Parse(await stack.Editor.SucceedAsync("get", "vmis", "-n", ns)),
                     KubectlTable.Parse(await stack.Editor.SucceedAsync("get", "vmis", "testvmi", "-n", ns)),
                 })
        {
            Assert.Equal(Columns, table.Columns);
            Assert.Equal(1, table.RowCount);
            Assert.Equal("Running", table.Cell("testvmi", "PHASE"));
            Assert.Equal(node, table.Cell("testvmi", "NODENAME"));
            Assert.Equal("True", table.Cell("testvmi", "READY"));
        }

        var deleted = await stack.Editor.RunAsync("delete", "-f", VmiFile, "-n", ns);

        await AssertShutDownForGoodAsync(deleted, ns, node, log);
    }

    [Fact]
    public async Task Delete_By_Name_Shuts_The_Guest_Down_For_Good()
    {
        var (ns, node, serialLog) = await CreateAndBootAsync("vmi-name");
        await using var log = serialLog;

        var deleted = await stack.Editor.RunAsync("delete", "vmis", "testvmi", "-n", ns);

        await AssertShutDownForGoodAsync(deleted, ns, node, log);
    }

    /// <summary>kubectl create -f examples/vmi.yaml; returns the namespace, the VMI's node and its serial log once the guest has booted.</summary>
    private async Task<(string Namespace, string Node, SerialLogFollower SerialLog)> CreateAndBootAsync(string purpose)
    {
        await Eventually.ReturnsAsync(stack.HasControllersAsync, held => held, TimeSpan.FromSeconds(60), "the VM/VMI controllers hold their Lease",
            TestContext.Current.CancellationToken);
        var ns = await stack.CreateNamespaceAsync(purpose);

        var created = await stack.Editor.SucceedAsync("create", "-f", VmiFile, "-n", ns);

        Assert.Equal("virtualmachineinstance.kubevirt.io/testvmi created\n", created);
        var running = await Eventually.ReturnsAsync(
            () => stack.Editor.SucceedAsync("get", "vmi", "testvmi", "-n", ns, "-o", "jsonpath={.status.phase} {.status.nodeName} {.metadata.uid}"),
            status => status.StartsWith("Running ", StringComparison.Ordinal), GuestConsole.BootTimeout, "testvmi is Running",
            TestContext.Current.CancellationToken);
        var (node, uid) = (running.Split(' ')[1], running.Split(' ')[2]);
        Assert.Equal(node, await stack.Admin.SucceedAsync("get", "node", node, "-o", "jsonpath={.metadata.name}"));
        var serialLog = await stack.Nodes.FollowSerialLogAsync(node, ns, "testvmi", uid);
        await serialLog.WaitForLineAsync(GuestConsole.Booted + " testvmi", GuestConsole.BootTimeout);
        return (ns, node, serialLog);
    }

    /// <summary>
    /// kubectl delete waited until the VMI was gone: the guest powered off on the ACPI request, its domain is gone, and a
    /// few seconds later there is still no domain and no VMI (nothing starts it again).
    /// </summary>
    private async Task AssertShutDownForGoodAsync(CommandResult deleted, string ns, string node, SerialLogFollower serialLog)
    {
        Assert.True(deleted.ExitCode == 0, deleted.Error);
        Assert.StartsWith("virtualmachineinstance.kubevirt.io \"testvmi\" deleted", deleted.Output, StringComparison.Ordinal);
        var get = await stack.Editor.RunAsync("get", "vmi", "testvmi", "-n", ns);
        Assert.Equal(1, get.ExitCode);
        Assert.Equal("Error from server (NotFound): virtualmachineinstances.kubevirt.io \"testvmi\" not found", get.Error.Trim());
        await serialLog.WaitForLineAsync(GuestConsole.PowerOff, ShutdownTimeout);
        var domain = InstanceFiles.DomainName(ns, "testvmi");
        await Eventually.ReturnsAsync(() => stack.Nodes.DomainNamesAsync(node), names => !names.Contains(domain), ShutdownTimeout, $"domain {domain} is gone",
            TestContext.Current.CancellationToken);

        await Task.Delay(Afterwards, TestContext.Current.CancellationToken);

        var list = await stack.Editor.RunAsync("get", "vmis", "-n", ns);
        Assert.Equal(0, list.ExitCode);
        Assert.Equal("", list.Output);
        Assert.Equal($"No resources found in {ns} namespace.", list.Error.Trim());
        Assert.DoesNotContain(domain, await stack.Nodes.DomainNamesAsync(node));
    }
}
