using k8s.Models;
using VmLifecycle.Aggregator.Reconciliation;

namespace VmLifecycle.Aggregator.Tests.Reconciliation;

public sealed class EntityCacheTests
{
    [Fact]
    public void A_relist_reports_additions_changes_and_the_deletions_missed_while_disconnected()
    {
        var cache = new EntityCache<V1Node>();
        cache.Replace([Node("kept", "1"), Node("changed", "2"), Node("gone", "3")]);

        var changes = cache.Replace([Node("kept", "1"), Node("changed", "7"), Node("new", "8")]);

        Assert.Equal(
            [(InformerEventType.Added, "new"), (InformerEventType.Modified, "changed"), (InformerEventType.Deleted, "gone")],
            changes.Select(change => (change.Type, change.Entity.Metadata.Name)).OrderBy(change => change.Type).ToList());
        Assert.Equal(["changed", "kept", "new"], cache.List().Select(node => node.Metadata.Name).Order().ToList());
        Assert.Equal("2", Assert.Single(changes, change => change.Type == InformerEventType.Modified).Previous!.Metadata.ResourceVersion);
    }

    [Fact]
    public void An_update_with_a_known_resource_version_is_no_change()
    {
        var cache = new EntityCache<V1Node>();
        Assert.Equal(InformerEventType.Added, cache.Upsert(Node("a", "1"))!.Type);

        Assert.Null(cache.Upsert(Node("a", "1")));
        Assert.Equal(InformerEventType.Modified, cache.Upsert(Node("a", "2"))!.Type);
        Assert.Equal(InformerEventType.Deleted, cache.Remove(Node("a", "3"))!.Type);
        Assert.Null(cache.Get(null, "a"));
    }

    internal static V1Node Node(string name, string resourceVersion) => new() { Metadata = new V1ObjectMeta { Name = name, ResourceVersion = resourceVersion } };
}
