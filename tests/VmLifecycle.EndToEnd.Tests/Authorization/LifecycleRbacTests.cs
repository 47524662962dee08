using VmLifecycle.EndToEnd.Tests.TestSupport;
using VmLifecycle.TestSupport.Polling;

namespace VmLifecycle.EndToEnd.Tests.Authorization;

/// <summary>
/// The lifecycle subresources through kube-apiserver's path (it authenticates and authorizes, then proxies to the
/// aggregator) without the plugin, as users bound to the default edit and view roles, which the chart's aggregated
/// ClusterRoles extend: impersonated by the admin, and (local stack) with client certificates of their own.
/// </summary>
[Collection(LocalStackTests.Name)]
public sealed class LifecycleRbacTests(LocalStackFixture stack)
{
    [Fact]
    public async Task An_Editor_Starts_A_Halted_Vm()
    {
        var ns = await CreateExampleVmAsync("start");

        var result = await stack.Editor.PutRawAsync(StartPath(ns, "my-vm"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("Always", await stack.Admin.SucceedAsync("get", "vm", "my-vm", "-n", ns, "-o", "jsonpath={.spec.runStrategy}"));
        await Eventually.ReturnsAsync(
            () => stack.Admin.SucceedAsync("get", "vm", "my-vm", "-n", ns, "-o", "jsonpath={.status.printableStatus}"),
            status => status == "Running", TimeSpan.FromSeconds(120), "my-vm is Running",
            TestContext.Current.CancellationToken);

        var stop = await stack.Editor.PutRawAsync($"/apis/subresources.kubevirt.io/v1/namespaces/{ns}/virtualmachines/my-vm/stop");
        Assert.True(stop.ExitCode == 0, stop.Error);
        Assert.Equal("Halted", await stack.Admin.SucceedAsync("get", "vm", "my-vm", "-n", ns, "-o", "jsonpath={.spec.runStrategy}"));
    }

    [Fact]
    public async Task Users_Of_Client_Certificates_Are_Authorized_By_Their_Bindings()
    {
        stack.SkipOnExternalCluster("the users' client certificates are issued by the local cluster's CA");
        var ns = await CreateExampleVmAsync("certificates");

        var editorStart = await stack.CertificateEditor.PutRawAsync(StartPath(ns, "my-vm"), """{"dryRun":["All"]}""");
        var viewerStart = await stack.CertificateViewer.PutRawAsync(StartPath(ns, "my-vm"));
        var viewerPause = await stack.CertificateViewer.PutRawAsync($"/apis/subresources.kubevirt.io/v1/namespaces/{ns}/virtualmachineinstances/my-vm/pause");

        Assert.True(editorStart.ExitCode == 0, editorStart.Error);
        Assert.NotEqual(0, viewerStart.ExitCode);
        Assert.Equal("Error from server (Forbidden): " + ViewRoleTests.Forbidden(ns, "virtualmachines", "my-vm", "start"), viewerStart.Error.Trim());
        Assert.Equal("Error from server (Forbidden): " + ViewRoleTests.Forbidden(ns, "virtualmachineinstances", "my-vm", "pause"), viewerPause.Error.Trim());
        Assert.Equal("Halted", await stack.Admin.SucceedAsync("get", "vm", "my-vm", "-n", ns, "-o", "jsonpath={.spec.runStrategy}"));
    }

    [Fact]
    public async Task Starting_A_Missing_Vm_Is_Not_Found()
    {
        var ns = await stack.CreateNamespaceAsync("missing");

        var result = await stack.Editor.PutRawAsync(StartPath(ns, "nope"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("Error from server (NotFound): virtualmachine.kubevirt.io \"nope\" not found", result.Error.Trim());
    }

    [Fact]
    public async Task A_Dry_Run_Start_Changes_Nothing()
    {
        var ns = await CreateExampleVmAsync("dryrun");
        // The VM controller may write the status meanwhile; the spec (generation) and the requests are what a start changes.
        const string Observed = "jsonpath={.metadata.generation} {.spec.runStrategy} {.status.stateChangeRequests}";
        var before = await stack.Admin.SucceedAsync("get", "vm", "my-vm", "-n", ns, "-o", Observed);

        var result = await stack.Editor.PutRawAsync(StartPath(ns, "my-vm"), """{"dryRun":["All"]}""");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(before, await stack.Admin.SucceedAsync("get", "vm", "my-vm", "-n", ns, "-o", Observed));
        Assert.StartsWith("1 Halted", before, StringComparison.Ordinal);
    }

    private async Task<string> CreateExampleVmAsync(string purpose)
    {
        var ns = await stack.CreateNamespaceAsync(purpose);
        await stack.Admin.SucceedAsync("create", "-n", ns, "-f", Path.Combine(stack.RepositoryRoot, "examples", "vm.yaml"));
        return ns;
    }

    private static string StartPath(string ns, string name) => $"/apis/subresources.kubevirt.io/v1/namespaces/{ns}/virtualmachines/{name}/start";
}
