using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using VmLifecycle.Aggregator.Authentication;
using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Aggregator.Observability;
using VmLifecycle.Aggregator.Subresources;
using VmLifecycle.Aggregator.Tests.TestSupport;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;
using static VmLifecycle.Aggregator.Tests.TestSupport.Objects;

namespace VmLifecycle.Aggregator.Tests.Subresources;

public sealed class SubresourceExecutionTests
{
    private static readonly AuthenticatedUser Jane = new("jane", null, ["editors", AuthenticatedUser.AuthenticatedGroup], new Dictionary<string, IReadOnlyList<string>>());

    private readonly InMemoryVirtualMachineStore _store = new();
    private readonly RecordingEventRecorder _events = new();

    [Fact]
    public async Task Start_applies_the_patch_and_records_an_event_naming_the_user()
    {
        _store.Add(Vm(RunStrategy.Halted));

        var result = await Start().ExecuteAsync(Request(""), TestContext.Current.CancellationToken);

        Assert.Equal(202, result.Code);
        var write = Assert.Single(_store.Writes);
        Assert.Equal("PatchVm", write.Operation);
        var recorded = Assert.Single(_events.Events);
        Assert.Equal(LifecycleEventMessages.StartRequested, recorded.Reason);
        Assert.Equal("VirtualMachine", recorded.InvolvedKind);
        Assert.Contains("\"jane\"", recorded.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dry_run_validates_but_writes_nothing()
    {
        _store.Add(Vm(RunStrategy.Halted));

        var result = await Start().ExecuteAsync(Request("""{"dryRun":["All"]}"""), TestContext.Current.CancellationToken);

        Assert.Equal(202, result.Code);
        Assert.Empty(_store.Writes);
        Assert.Empty(_events.Events);
    }

    [Fact]
    public async Task Missing_vm_is_404_not_found()
    {
        var result = await Start().ExecuteAsync(Request(""), TestContext.Current.CancellationToken);

        Assert.Equal(404, result.Code);
        Assert.Equal(KubeVirtMessages.VirtualMachineNotFound(VmName), result.Failure!.Message);
    }

    [Fact]
    public async Task Concurrent_change_of_stateChangeRequests_is_409()
    {
        _store.Add(Vm(RunStrategy.Manual));
        _store.Failures["PatchVmStatus"] = new KubernetesApiException(422, "", "testing value /status/stateChangeRequests failed: test failed");

        var result = await Start().ExecuteAsync(Request(""), TestContext.Current.CancellationToken);

        Assert.Equal(409, result.Code);
        Assert.Contains(KubeVirtMessages.JsonPatchTestFailed, result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Force_restart_rolls_the_grace_period_back_when_the_status_patch_fails()
    {
        _store.Add(Vm(RunStrategy.Always)).Add(Vmi(VirtualMachineInstancePhase.Running, gracePeriod: 30));
        _store.Failures["PatchVmStatus"] = new KubernetesApiException(500, "", "boom");

        var result = await Restart().ExecuteAsync(Request("""{"gracePeriodSeconds":0}"""), TestContext.Current.CancellationToken);

        Assert.Equal(500, result.Code);
        Assert.Equal(KubeVirtMessages.InternalError("boom"), result.Failure!.Message);
        Assert.Collection(
            _store.Writes,
            patch => Assert.Contains("\"value\":1", patch.Body, StringComparison.Ordinal),
            rollback =>
            {
                Assert.Equal("PatchVmi", rollback.Operation);
                Assert.Contains("\"value\":30", rollback.Body, StringComparison.Ordinal);
            });
        Assert.Empty(_events.Events);
    }

    [Fact]
    public async Task Restart_body_is_checked_before_the_vm_is_read()
    {
        var result = await Restart().ExecuteAsync(Request("gracePeriodSeconds: 3"), TestContext.Current.CancellationToken);

        Assert.Equal(400, result.Code);
        Assert.Equal(KubeVirtMessages.ForceRestartOnlyGracePeriodZero, result.Failure!.Message);
    }

    [Fact]
    public async Task Rename_creates_the_new_vm_and_deletes_the_old_with_preconditions()
    {
        _store.Add(Vm(RunStrategy.Halted));

        var result = await Rename().ExecuteAsync(Request("""{"newName":"new-name"}"""), TestContext.Current.CancellationToken);

        Assert.Equal(202, result.Code);
        Assert.Collection(
            _store.Writes,
            create => Assert.Equal(("CreateVm", "new-name"), (create.Operation, create.Name)),
            delete => Assert.Equal(("DeleteVm:my-vm", "vm-uid-1|42"), (delete.Operation, delete.Body)));
        Assert.True(_store.HasVm(Namespace, "new-name"));
        Assert.False(_store.HasVm(Namespace, VmName));
        Assert.Equal(LifecycleEventMessages.Renamed, Assert.Single(_events.Events).Reason);
    }

    [Fact]
    public async Task Rename_is_undone_when_the_old_vm_changed_meanwhile()
    {
        _store.Add(Vm(RunStrategy.Halted));
        _store.Failures["DeleteVm:my-vm"] = new KubernetesApiException(409, "Conflict", "the ResourceVersion in the precondition (42) does not match the ResourceVersion in record (43)");

        var result = await Rename().ExecuteAsync(Request("""{"newName":"new-name"}"""), TestContext.Current.CancellationToken);

        Assert.Equal(409, result.Code);
        Assert.Equal(
            KubeVirtMessages.Conflict(VirtualMachine.KubeSingularName, VmName, "the ResourceVersion in the precondition (42) does not match the ResourceVersion in record (43)"),
            result.Failure!.Message);
        Assert.False(_store.HasVm(Namespace, "new-name"));
        Assert.True(_store.HasVm(Namespace, VmName));
        Assert.Empty(_events.Events);
    }

    [Fact]
    public async Task Rename_to_an_existing_name_is_409_without_writes()
    {
        _store.Add(Vm(RunStrategy.Halted)).Add(Vm(RunStrategy.Halted, name: "taken"));

        var result = await Rename().ExecuteAsync(Request("newName: taken"), TestContext.Current.CancellationToken);

        Assert.Equal(409, result.Code);
        Assert.Equal(KubeVirtMessages.Conflict(VirtualMachine.KubeSingularName, VmName, KubeVirtMessages.RenameTargetExists), result.Failure!.Message);
        Assert.Empty(_store.Writes);
    }

    [Fact]
    public async Task Rename_losing_a_creation_race_is_409()
    {
        _store.Add(Vm(RunStrategy.Halted));
        _store.Failures["CreateVm"] = new KubernetesApiException(409, "AlreadyExists", "exists");

        var result = await Rename().ExecuteAsync(Request("""{"newName":"new-name"}"""), TestContext.Current.CancellationToken);

        Assert.Equal(KubeVirtMessages.Conflict(VirtualMachine.KubeSingularName, VmName, KubeVirtMessages.RenameTargetExists), result.Failure!.Message);
    }

    private static SubresourceRequest Request(string body) => new(Namespace, VmName, Encoding.UTF8.GetBytes(body), Jane);

    private VirtualMachineActionRunner Runner() =>
        new(_store, new LifecyclePatchApplier(_store, NullLogger<LifecyclePatchApplier>.Instance), _events, NullLogger<VirtualMachineActionRunner>.Instance);

    private StartSubresource Start() => new(Runner());

    private RestartSubresource Restart() => new(Runner());

    private RenameSubresource Rename() => new(_store, _events, NullLogger<RenameSubresource>.Instance);
}
