using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using VmLifecycle.LocalCluster.Storage;
using WatchEventType = VmLifecycle.LocalCluster.Storage.WatchEventType;

namespace VmLifecycle.LocalCluster.Tests.Storage;

public sealed class ObjectStoreTests
{
    private static readonly ObjectKey _widget = new("example.com/widgets", "default", "w");

    private static ObjectStore InMemory() => new(Options.Create(new StoreOptions()));

    private static JsonObject Widget(int size) =>
        new() { ["apiVersion"] = "example.com/v1", ["kind"] = "Widget", ["metadata"] = new JsonObject { ["name"] = "w" }, ["spec"] = new JsonObject { ["size"] = size } };

    private static int Size(JsonObject obj) => obj["spec"]!["size"]!.GetValue<int>();

    [Fact]
    public void Changes_Carry_The_Committed_Object_And_The_One_It_Replaced()
    {
        using var store = InMemory();
        var events = new List<StoreEvent>();
        store.Changed += events.Add;
        store.TryCreate(_widget, Widget(1), dryRun: false, out _);

        store.Mutate(_widget, current =>
        {
            current["spec"]!["size"] = 2;
            return StoreMutation.Write(current);
        }, dryRun: false);

        Assert.Equal([WatchEventType.Added, WatchEventType.Modified], events.Select(e => e.Type));
        Assert.Equal(2, Size(events[1].Object));
        Assert.Equal("2", events[1].Object["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal(1, Size(events[1].Previous!));
        Assert.Equal("1", events[1].Previous!["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    [Fact]
    public void What_Readers_And_Writers_Get_Are_Copies_That_Leave_Events_And_Store_Alone()
    {
        using var store = InMemory();
        var events = new List<StoreEvent>();
        store.Changed += events.Add;
        store.TryCreate(_widget, Widget(1), dryRun: false, out var created);
        var result = store.Mutate(_widget, current =>
        {
            current["spec"]!["size"] = 2;
            return StoreMutation.Write(current);
        }, dryRun: false)!;

        created["spec"]!["size"] = 10;
        result.Object["spec"]!["size"] = 20;
        store.Get(_widget)!["spec"]!["size"] = 30;
        var projected = store.Read(_widget, stored => (JsonObject)stored.DeepClone())!;
        projected["spec"]!["size"] = 40;

        Assert.Equal(2, Size(store.Get(_widget)!));
        Assert.Equal(1, Size(events[0].Object));
        Assert.Equal(2, Size(events[1].Object));
    }

    [Fact]
    public void Reading_Without_A_Copy_Sees_The_Stored_Object_And_Null_When_Absent()
    {
        using var store = InMemory();
        store.TryCreate(_widget, Widget(3), dryRun: false, out _);

        Assert.Equal("3", store.Read(_widget, stored => stored["spec"]!["size"]!.ToJsonString()));
        Assert.Null(store.Read(_widget with { Name = "other" }, stored => stored.ToJsonString()));
        Assert.True(store.Contains(_widget));
        Assert.False(store.Contains(_widget with { Name = "other" }));
    }
}
