using VmLifecycle.Aggregator.Reconciliation;
using VmLifecycle.Aggregator.Tests.TestSupport;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Tests.Reconciliation;

/// <summary>The finalizer helpers against the local cluster.</summary>
public sealed class FinalizerRunnerTests
{
    [Fact]
    public async Task Adds_its_finalizer_to_a_live_object_and_removes_it_after_clean_up_once_the_object_is_deleted()
    {
        await using var cluster = await LocalClusterProcess.StartAsync();
        using var driver = new ClusterDriver(cluster.CreateClient());
        var finalizer = new RecordingFinalizer();
        var runner = new FinalizerRunner<VirtualMachine>(driver.Client, [finalizer]);
        await driver.CreateVmAsync("guarded", RunStrategy.Halted);

        Assert.False(await runner.HandleAsync((await driver.GetVmAsync("guarded"))!, TestContext.Current.CancellationToken));
        Assert.Contains(RecordingFinalizer.FinalizerName, (await driver.GetVmAsync("guarded"))!.Metadata.Finalizers);

        await driver.DeleteVmAsync("guarded");
        var deleting = (await driver.GetVmAsync("guarded"))!;
        Assert.NotNull(deleting.Metadata.DeletionTimestamp);
        Assert.True(await runner.HandleAsync(deleting, TestContext.Current.CancellationToken));

        Assert.Equal(["guarded"], finalizer.Finalized);
        await Eventually.UntilAsync(async () => await driver.GetVmAsync("guarded") is null, "the VM to go once finalized");
    }

    private sealed class RecordingFinalizer : IEntityFinalizer<VirtualMachine>
    {
        public const string FinalizerName = "vm-lifecycle.kubevirt.io/test";

        public List<string> Finalized { get; } = [];

        public string Name => FinalizerName;

        public Task FinalizeAsync(VirtualMachine entity, CancellationToken cancellationToken)
        {
            Finalized.Add(entity.Metadata.Name);
            return Task.CompletedTask;
        }
    }
}
