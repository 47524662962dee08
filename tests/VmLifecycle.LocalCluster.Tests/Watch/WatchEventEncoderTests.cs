using System.Text;
using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Resources;
using VmLifecycle.LocalCluster.Storage;
using WatchEventType = VmLifecycle.LocalCluster.Storage.WatchEventType;
using VmLifecycle.LocalCluster.Watch;

namespace VmLifecycle.LocalCluster.Tests.Watch;

public sealed class WatchEventEncoderTests
{
    private static readonly ResourceDefinition _v1 = new()
    {
        Group = "test.vmlifecycle.io", Version = "v1", Resource = "widgets", SingularName = "widget", Kind = "Widget", Namespaced = true,
        DefinedBy = "widgets.test.vmlifecycle.io",
    };

    private static readonly ResourceDefinition _v1beta1 = _v1 with { Version = "v1beta1" };

    private static StoreEvent Modified(JsonObject obj) =>
        new(7, WatchEventType.Modified, new ObjectKey(_v1.StorageKey, "default", "w"), obj, null);

    private static JsonObject Widget() => JsonNode.Parse("""
        {"apiVersion":"test.vmlifecycle.io/v1","kind":"Widget","metadata":{"name":"w","namespace":"default","resourceVersion":"7"},
         "spec":{"note":"ünïcode <b>&</b> \"quoted\"","size":3,"ratio":1.50,"none":null,"list":[1,"two",{"three":true}]}}
        """)!.AsObject();

    /// <summary>What a watcher wrote for each event before events were serialised once: the line built from a copy of the object.</summary>
    private static string LineAsBefore(string type, ResourceDefinition definition, JsonObject obj) =>
        new JsonObject { ["type"] = type, ["object"] = ObjectVersioning.ForVersion(definition, obj) }.ToJsonString() + "\n";

    [Fact]
    public void Every_Watcher_Of_A_Version_Gets_The_Same_Serialised_Object()
    {
        var encoder = new WatchEventEncoder();
        var change = Modified(Widget());

        var first = encoder.ObjectJson(_v1, change);
        var second = encoder.ObjectJson(_v1, change);

        Assert.Same(first, second);
    }

    [Fact]
    public void Concurrent_Watchers_Share_One_Serialisation()
    {
        var encoder = new WatchEventEncoder();
        var change = Modified(Widget());

        var encodings = Enumerable.Range(0, 16).AsParallel().Select(_ => encoder.ObjectJson(_v1, change)).ToList();

        Assert.All(encodings, json => Assert.Same(encodings[0], json));
    }

    [Fact]
    public void The_Line_Is_Byte_For_Byte_What_A_Watcher_Wrote_Before()
    {
        var encoder = new WatchEventEncoder();
        var obj = Widget();
        var change = Modified(obj);

        foreach (var type in (string[])["ADDED", "MODIFIED", "DELETED"])
        {
            Assert.Equal(LineAsBefore(type, _v1, obj), Encoding.UTF8.GetString(encoder.Frame(type, _v1, change)));
        }
    }

    [Fact]
    public void Each_Version_Gets_The_Object_With_Its_Own_ApiVersion()
    {
        var encoder = new WatchEventEncoder();
        var obj = Widget();
        var change = Modified(obj);

        var v1 = encoder.ObjectJson(_v1, change);
        var v1beta1 = encoder.ObjectJson(_v1beta1, change);

        Assert.NotSame(v1, v1beta1);
        Assert.Equal("test.vmlifecycle.io/v1beta1", JsonNode.Parse(v1beta1)!["apiVersion"]!.GetValue<string>());
        Assert.Equal(LineAsBefore("MODIFIED", _v1beta1, obj), Encoding.UTF8.GetString(encoder.Frame("MODIFIED", _v1beta1, change)));
        Assert.Same(v1, encoder.ObjectJson(_v1, change));
    }

    [Fact]
    public void Encoding_Leaves_The_Stored_Object_As_It_Was()
    {
        var obj = Widget();
        var before = obj.ToJsonString();

        new WatchEventEncoder().Frame("MODIFIED", _v1beta1, Modified(obj));

        Assert.Equal(before, obj.ToJsonString());
    }

    [Fact]
    public void A_Frame_For_Any_Payload_Is_The_Event_Line_Of_That_Payload()
    {
        var bookmark = new JsonObject { ["kind"] = "Widget", ["apiVersion"] = "test.vmlifecycle.io/v1", ["metadata"] = new JsonObject { ["resourceVersion"] = "9" } };

        var frame = WatchFrames.Compose("BOOKMARK", bookmark);

        Assert.Equal(new JsonObject { ["type"] = "BOOKMARK", ["object"] = bookmark.DeepClone() }.ToJsonString() + "\n", Encoding.UTF8.GetString(frame));
    }
}
