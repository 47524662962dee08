using VmLifecycle.Api.Conventions;
using VmLifecycle.Handler.Lifecycle;
using VmLifecycle.Handler.Tests.Infrastructure;

namespace VmLifecycle.Handler.Tests.Lifecycle;

/// <summary>The read-modify-write of VMIs: a VMI the caller has just read is written without reading it again.</summary>
public sealed class VmiUpdaterTests
{
    [Fact]
    public async Task A_vmi_just_read_is_written_without_another_read()
    {
        var store = new InMemoryVmiStore();
        var created = store.Create(TestGuest.Vmi("default", "fresh", "node-1"));
        var updater = new VmiUpdater(store);

        var written = await updater.UpdateStatusAsync(created, v => VmiConditions.Set(v, ConditionTypes.Paused, ConditionStatus.True, ConditionReasons.PausedByUser, null, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);

        Assert.Equal((0, 1), (store.Reads, store.StatusWrites));
        Assert.Equal(ConditionStatus.True, VmiConditions.Find(written!, ConditionTypes.Paused)?.Status);
        Assert.Equal(ConditionStatus.True, VmiConditions.Find(store.Get("default", "fresh")!, ConditionTypes.Paused)?.Status);
    }

    [Fact]
    public async Task A_stale_vmi_is_read_again_after_the_conflict_and_the_change_applied_to_the_current_one()
    {
        var store = new InMemoryVmiStore();
        var stale = store.Create(TestGuest.Vmi("default", "stale", "node-1"));
        var updater = new VmiUpdater(store);
        await updater.UpdateMetadataAsync("default", "stale", v => { v.Metadata.Labels = new Dictionary<string, string> { ["written"] = "between" }; return true; }, TestContext.Current.CancellationToken);
        var readsBefore = store.Reads;

        var written = await updater.UpdateMetadataAsync(stale, v => { (v.Metadata.Finalizers ??= []).Add(Finalizers.Handler); return true; }, TestContext.Current.CancellationToken);

        Assert.Equal(1, store.Reads - readsBefore);
        var current = store.Get("default", "stale")!;
        Assert.Equal(written!.Metadata.ResourceVersion, current.Metadata.ResourceVersion);
        Assert.Equal("between", current.Metadata.Labels["written"]);
        Assert.Contains(Finalizers.Handler, current.Metadata.Finalizers);
    }

    [Fact]
    public async Task A_vmi_deleted_after_it_was_read_is_reported_gone()
    {
        var store = new InMemoryVmiStore();
        var read = store.Create(TestGuest.Vmi("default", "gone", "node-1"));
        store.Purge("default", "gone");

        var written = await new VmiUpdater(store).UpdateStatusAsync(read, _ => true, TestContext.Current.CancellationToken);

        Assert.Null(written);
    }
}
