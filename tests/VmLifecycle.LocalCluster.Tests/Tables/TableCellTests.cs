using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Tables;

namespace VmLifecycle.LocalCluster.Tests.Tables;

public sealed class TableCellTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(119, "119s")]
    [InlineData(150, "2m30s")]
    [InlineData(600, "10m")]
    [InlineData(3 * 3600 + 5 * 60, "3h5m")]
    [InlineData(30 * 3600, "30h")]
    [InlineData(3 * 86400 + 4 * 3600, "3d4h")]
    [InlineData(400 * 86400, "400d")]
    [InlineData(3 * 365 * 86400 + 10 * 86400, "3y10d")]
    public void Ages_Read_As_Kubernetes_Prints_Them(int seconds, string expected) =>
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(".spec.size", "3")]
    [InlineData(".status.conditions[?(@.type=='Ready')].status", "True")]
    [InlineData(".status.conditions[0].type", "Synced")]
    [InlineData(".status.conditions[-1].type", "Ready")]
    [InlineData(".metadata.labels['app.kubernetes.io/name']", "demo")]
    [InlineData("{.spec.size}", "3")]
    public void Printer_Column_Paths_Select_Values(string path, string expected)
    {
        var obj = JsonNode.Parse("""
            {"metadata":{"labels":{"app.kubernetes.io/name":"demo"}},"spec":{"size":3},
             "status":{"conditions":[{"type":"Synced","status":"False"},{"type":"Ready","status":"True"}]}}
            """);

        var results = SimpleJsonPath.Evaluate(obj, path);

        Assert.Equal(expected, SimpleJsonPath.Text(Assert.Single(results)));
    }

    [Fact]
    public void Missing_Path_Selects_Nothing() => Assert.Empty(SimpleJsonPath.Evaluate(JsonNode.Parse("""{"a":{}}"""), ".a.b.c"));
}
