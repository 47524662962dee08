using VmLifecycle.LocalCluster.Tests.Infrastructure;

namespace VmLifecycle.LocalCluster.Tests.Resources;

/// <summary>
/// Deleting a CRD changes what every client discovers, so these tests run on a cluster of their own: on the shared
/// one, a concurrent <c>kubectl get all</c> could discover the CRD and then find it gone, as it would on kube-apiserver.
/// </summary>
public sealed class CrdDeletionTests
{
    [Fact]
    public async Task Deleting_A_Crd_Removes_Its_Objects_And_Stops_Serving_It()
    {
        await using var cluster = await RunningCluster.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var kubectl = cluster.Kubectl;
        const string ns = "default";
        var crd = File.ReadAllText(Path.Combine(RunningCluster.FixturesDirectory, "widgets-crd.yaml"))
            .Replace("widgets.test.vmlifecycle.io", "gadgets.temp.vmlifecycle.io", StringComparison.Ordinal)
            .Replace("group: test.vmlifecycle.io", "group: temp.vmlifecycle.io", StringComparison.Ordinal)
            .Replace("plural: widgets", "plural: gadgets", StringComparison.Ordinal)
            .Replace("singular: widget", "singular: gadget", StringComparison.Ordinal)
            .Replace("kind: Widget", "kind: Gadget", StringComparison.Ordinal)
            .Replace("listKind: WidgetList", "listKind: GadgetList", StringComparison.Ordinal)
            .Replace("shortNames: [wd]", "shortNames: [gd]", StringComparison.Ordinal);
        await kubectl.ApplyAsync(crd);
        var established = await kubectl.SucceedAsync("get", "crd", "gadgets.temp.vmlifecycle.io", "-o", "jsonpath={.status.conditions[?(@.type=='Established')].status}");
        await kubectl.ApplyAsync($"""
            apiVersion: temp.vmlifecycle.io/v1
            kind: Gadget
            metadata: {"{"}name: g1, namespace: {ns}{"}"}
            spec: {"{"}size: 1{"}"}
            """);

        await kubectl.SucceedAsync("delete", "crd", "gadgets.temp.vmlifecycle.io");
        var afterwards = await kubectl.RunAsync("get", "--raw", $"/apis/temp.vmlifecycle.io/v1/namespaces/{ns}/gadgets");

        Assert.Equal("True", established);
        Assert.NotEqual(0, afterwards.ExitCode);
        var store = cluster.Store;
        Assert.Empty(store.List("temp.vmlifecycle.io/gadgets", null).Objects);
    }
}
