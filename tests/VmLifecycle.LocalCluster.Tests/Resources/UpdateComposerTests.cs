using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Resources;

namespace VmLifecycle.LocalCluster.Tests.Resources;

public sealed class UpdateComposerTests
{
    private static readonly ResourceDefinition _widgets = new()
    {
        Group = "test.vmlifecycle.io", Version = "v1", Resource = "widgets", SingularName = "widget", Kind = "Widget", Namespaced = true,
        HasStatusSubresource = true, TracksGeneration = true,
    };

    private static readonly UpdateComposer _composer = new(new ResourceStrategies([]));

    private static JsonObject Current() => JsonNode.Parse("""
        {"apiVersion":"test.vmlifecycle.io/v1","kind":"Widget",
         "metadata":{"name":"w","namespace":"default","uid":"u","resourceVersion":"5","generation":3},
         "spec":{"size":1,"tags":["a"]},"extra":{"x":1},"status":{"phase":"Running"}}
        """)!.AsObject();

    private static long Generation(JsonObject obj) => obj["metadata"]!["generation"]!.GetValue<long>();

    private static JsonObject Submitted(Action<JsonObject> change)
    {
        var submitted = Current();
        change(submitted);
        return submitted;
    }

    [Fact]
    public void Status_Only_Updates_Keep_The_Generation()
    {
        var next = _composer.Compose(_widgets, Current(), Submitted(o => o["status"] = new JsonObject { ["phase"] = "Paused" }), statusOnly: true);

        Assert.Equal(3, Generation(next));
        Assert.Equal("Paused", next["status"]!["phase"]!.GetValue<string>());
    }

    [Fact]
    public void Metadata_And_Status_Changes_On_The_Main_Endpoint_Keep_The_Generation()
    {
        var next = _composer.Compose(_widgets, Current(), Submitted(o =>
        {
            o["metadata"]!["labels"] = new JsonObject { ["a"] = "b" };
            o["status"] = new JsonObject { ["phase"] = "Ignored" };
        }), statusOnly: false);

        Assert.Equal(3, Generation(next));
        Assert.Equal("Running", next["status"]!["phase"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("changed")]
    [InlineData("added")]
    [InlineData("removed")]
    [InlineData("nested")]
    public void Any_Change_Outside_Metadata_And_Status_Bumps_The_Generation(string change)
    {
        var submitted = Submitted(o =>
        {
            switch (change)
            {
                case "changed":
                    o["spec"]!["size"] = 2;
                    break;
                case "added":
                    o["more"] = true;
                    break;
                case "removed":
                    o.Remove("extra");
                    break;
                default:
                    o["spec"]!["tags"]!.AsArray().Add("b");
                    break;
            }
        });

        var next = _composer.Compose(_widgets, Current(), submitted, statusOnly: false);

        Assert.Equal(4, Generation(next));
    }
}
