using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using VmLifecycle.LocalCluster.Resources;
using VmLifecycle.LocalCluster.Tables;

namespace VmLifecycle.LocalCluster.Tests.Tables;

public sealed class TableConverterTests
{
    private static readonly ResourceDefinition _widgets = new()
    {
        Group = "test.vmlifecycle.io", Version = "v1", Resource = "widgets", SingularName = "widget", Kind = "Widget", Namespaced = true,
        DefinedBy = "widgets.test.vmlifecycle.io",
        PrinterColumns =
        [
            new("Size", "integer", "", "", 1, ".spec.size"),
            new("Until", "date", "", "", 0, ".spec.until"),
            new("Age", "date", "", "", 0, ".metadata.creationTimestamp"),
        ],
    };

    [Fact]
    public void Date_Columns_Are_Ages_Relative_To_Now_And_Typed_Cells_Keep_Their_Type()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var obj = JsonNode.Parse("""
            {"metadata":{"name":"w","creationTimestamp":"2030-01-01T11:55:00Z"},"spec":{"size":3,"until":"not a date"}}
            """)!.AsObject();

        var table = new TableConverter(time).Convert(_widgets, [obj], "7", IncludeObjectPolicy.None);

        var cells = table["rows"]![0]!["cells"]!.AsArray();
        Assert.Equal("w", cells[0]!.GetValue<string>());
        Assert.Equal(3, cells[1]!.GetValue<int>());
        Assert.Equal("<invalid>", cells[2]!.GetValue<string>());
        Assert.Equal("5m", cells[3]!.GetValue<string>());
        Assert.Null(table["rows"]![0]!["object"]);
        Assert.Equal(1, table["columnDefinitions"]![1]!["priority"]!.GetValue<int>());
    }

    [Fact]
    public void Built_In_Resources_Get_An_Age_Column_After_Their_Own()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var ns = JsonNode.Parse("""{"metadata":{"name":"n","creationTimestamp":"2030-01-01T10:00:00Z"},"status":{"phase":"Active"}}""")!.AsObject();

        var table = new TableConverter(time).Convert(BuiltInResources.Namespaces, [ns], null, IncludeObjectPolicy.Metadata);

        Assert.Equal(["Name", "Status", "Age"], table["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal(["n", "Active", "120m"], table["rows"]![0]!["cells"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public void Nodes_And_ApiServices_Show_Computed_Status_Columns()
    {
        var converter = new TableConverter(new FakeTimeProvider());
        var node = JsonNode.Parse("""{"metadata":{"name":"n1"},"spec":{"unschedulable":true},"status":{"conditions":[{"type":"Ready","status":"True"}]}}""")!.AsObject();
        var local = JsonNode.Parse("""{"metadata":{"name":"v1.apps"},"spec":{"group":"apps","version":"v1"},"status":{"conditions":[{"type":"Available","status":"True"}]}}""")!.AsObject();
        var remote = JsonNode.Parse("""{"metadata":{"name":"v1.x.io"},"spec":{"service":{"namespace":"ns","name":"api"}},"status":{"conditions":[{"type":"Available","status":"False","reason":"FailedDiscoveryCheck"}]}}""")!.AsObject();

        var nodes = converter.Convert(BuiltInResources.All.Single(d => d.Resource == "nodes"), [node], null, IncludeObjectPolicy.None);
        var apiServices = converter.Convert(BuiltInResources.ApiServices, [local, remote], null, IncludeObjectPolicy.None);

        Assert.Equal("Ready,SchedulingDisabled", nodes["rows"]![0]!["cells"]![1]!.GetValue<string>());
        Assert.Equal(["Local", "True"], apiServices["rows"]![0]!["cells"]!.AsArray().Skip(1).Take(2).Select(c => c!.GetValue<string>()));
        Assert.Equal(["ns/api", "False (FailedDiscoveryCheck)"], apiServices["rows"]![1]!["cells"]!.AsArray().Skip(1).Take(2).Select(c => c!.GetValue<string>()));
    }
}
