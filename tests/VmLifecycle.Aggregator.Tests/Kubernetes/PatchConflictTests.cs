using System.Text.Json.Nodes;
using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Aggregator.Subresources;
using VmLifecycle.Aggregator.Tests.TestSupport;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Tests.Kubernetes;

/// <summary>
/// A JSON-patch test that no longer holds, against the real local cluster: the API server's generic 422 carries the
/// patch error in its causes, and the subresource answers 409 with virt-api's jsonpatch phrase (two concurrent starts
/// of one VM: one wins, the other is refused as a conflict, never as an internal error).
/// </summary>
public sealed class PatchConflictTests
{
    [Fact]
    public async Task A_test_that_no_longer_holds_is_a_409_conflict_not_an_internal_error()
    {
        await using var cluster = await LocalClusterProcess.StartAsync();
        using var client = cluster.CreateClient();
        using var driver = new ClusterDriver(client);
        await driver.CreateVmAsync("my-vm", RunStrategy.Halted);
        var store = new KubernetesVirtualMachineStore(client);
        var cancellationToken = TestContext.Current.CancellationToken;

        var stale = new JsonPatch().Test("/spec/runStrategy", JsonValue.Create("Always")).Replace("/spec/runStrategy", JsonValue.Create("Halted"));
        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => store.PatchVmAsync(ClusterDriver.Namespace, "my-vm", stale, cancellationToken));
        var failure = PatchFailures.Map(error, VirtualMachine.KubeSingularName, "my-vm");

        Assert.Equal(422, error.Code);
        Assert.Equal(409, failure.Code);
        Assert.StartsWith(
            KubeVirtMessages.Conflict(VirtualMachine.KubeSingularName, "my-vm", KubeVirtMessages.JsonPatchTestFailed),
            failure.Message,
            StringComparison.Ordinal);
        Assert.Contains("/spec/runStrategy", failure.Message, StringComparison.Ordinal);
    }
}
