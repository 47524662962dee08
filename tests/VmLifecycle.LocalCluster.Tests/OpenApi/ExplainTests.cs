using VmLifecycle.LocalCluster.Tests.Infrastructure;

namespace VmLifecycle.LocalCluster.Tests.OpenApi;

[Collection(SharedCluster.Name)]
public sealed class ExplainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Kubectl_Explain_Prints_The_Crd_Field_Description_And_Enum()
    {
        var output = await fixture.Kubectl.SucceedAsync("explain", "widget.spec.mode");

        Assert.Contains("KIND:       Widget", output, StringComparison.Ordinal);
        Assert.Contains("FIELD: mode <string>", output, StringComparison.Ordinal);
        Assert.Contains("How the widget runs. One of Fast, Slow.", output, StringComparison.Ordinal);
        Assert.Matches(@"ENUM:\s+Fast\s+Slow", output);
    }

    [Fact]
    public async Task Kubectl_Explain_Works_For_The_Chart_VirtualMachine()
    {

        var output = await fixture.Kubectl.SucceedAsync("explain", "vm.spec.runStrategy");

        Assert.Contains("KIND:       VirtualMachine", output, StringComparison.Ordinal);
        Assert.Contains("FIELD: runStrategy <string>", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_V3_Index_Points_To_A_Document_Per_Group_Version()
    {
        var index = System.Text.Json.Nodes.JsonNode.Parse(await fixture.Kubectl.SucceedAsync("get", "--raw", "/openapi/v3"))!;
        var url = index["paths"]!["apis/test.vmlifecycle.io/v1"]!["serverRelativeURL"]!.GetValue<string>();

        var document = System.Text.Json.Nodes.JsonNode.Parse(await fixture.Kubectl.SucceedAsync("get", "--raw", url))!;

        var schema = document["components"]!["schemas"]!["io.vmlifecycle.test.v1.Widget"]!;
        Assert.Equal("Widget", schema["x-kubernetes-group-version-kind"]![0]!["kind"]!.GetValue<string>());
        var patch = document["paths"]!["/apis/test.vmlifecycle.io/v1/namespaces/{namespace}/widgets/{name}"]!["patch"]!;
        Assert.Contains(patch["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "fieldValidation");
    }
}
