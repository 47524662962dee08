using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Tests.Infrastructure;

namespace VmLifecycle.LocalCluster.Tests.Tables;

[Collection(SharedCluster.Name)]
public sealed class TableOutputTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Kubectl_Get_Shows_The_Printer_Columns_Including_Filtered_Conditions()
    {
        var ns = await fixture.CreateNamespaceAsync("table");
        using var client = fixture.CreateClient();
        await fixture.Kubectl.ApplyAsync(Widgets.Yaml("ready", ns, size: 3));
        await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new k8s.Models.V1Patch("""{"status":{"conditions":[{"type":"Synced","status":"False"},{"type":"Ready","status":"True"}]}}""", k8s.Models.V1Patch.PatchType.MergePatch),
            Widgets.Group, Widgets.Version, ns, Widgets.Plural, "ready", cancellationToken: TestContext.Current.CancellationToken);

        var normal = await fixture.Kubectl.SucceedAsync("get", "wd", "-n", ns);
        var wide = await fixture.Kubectl.SucceedAsync("get", "wd", "ready", "-n", ns, "-o", "wide");

        Assert.Matches(@"^NAME\s+MODE\s+READY\s+AGE\n", normal);
        Assert.Matches(@"ready\s+Fast\s+True\s+\d+s", normal);
        Assert.Matches(@"^NAME\s+MODE\s+READY\s+SIZE\s+AGE\n", wide);
        Assert.Matches(@"ready\s+Fast\s+True\s+3\s+\d+s", wide);
    }

    [Fact]
    public async Task Kubectl_Get_All_Namespaces_Adds_The_Namespace_Column()
    {
        var ns = await fixture.CreateNamespaceAsync("allns");
        await fixture.Kubectl.ApplyAsync(Widgets.Yaml("everywhere", ns));

        var output = await fixture.Kubectl.SucceedAsync("get", "widgets", "-A");

        Assert.Matches(@"^NAMESPACE\s+NAME\s+MODE\s+READY\s+AGE", output);
        Assert.Matches($@"{ns}\s+everywhere\s+Fast", output);
    }

    [Fact]
    public async Task Kubectl_Yaml_And_JsonPath_Output_Use_The_Full_Object()
    {
        var ns = await fixture.CreateNamespaceAsync("yaml");
        await fixture.Kubectl.ApplyAsync(Widgets.Yaml("printed", ns, size: 4));

        var yaml = await fixture.Kubectl.SucceedAsync("get", "widget", "printed", "-n", ns, "-o", "yaml");
        var size = await fixture.Kubectl.SucceedAsync("get", "widgets", "-n", ns, "-o", "jsonpath={.items[0].spec.size}");

        Assert.Contains("kind: Widget", yaml, StringComparison.Ordinal);
        Assert.Contains("size: 4", yaml, StringComparison.Ordinal);
        Assert.Equal("4", size);
    }

    [Fact]
    public async Task Built_In_Resources_Get_Name_And_Age_And_Namespaces_Their_Status()
    {
        var ns = await fixture.CreateNamespaceAsync("builtin");
        await fixture.Kubectl.SucceedAsync("create", "configmap", "plain", "-n", ns);

        var configMaps = await fixture.Kubectl.SucceedAsync("get", "configmaps", "-n", ns);
        var namespaces = await fixture.Kubectl.SucceedAsync("get", "namespace", ns);

        Assert.Matches(@"^NAME\s+AGE\nplain\s+\d+s", configMaps);
        Assert.Matches($@"^NAME\s+STATUS\s+AGE\n{ns}\s+Active\s+\d+s", namespaces);
    }

    [Fact]
    public async Task Table_Rows_Carry_Partial_Object_Metadata_By_Default()
    {
        var ns = await fixture.CreateNamespaceAsync("rows");
        await fixture.Kubectl.ApplyAsync(Widgets.Yaml("row", ns));
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Cluster.ServerUri, $"/apis/{Widgets.Group}/{Widgets.Version}/namespaces/{ns}/widgets"));
        request.Headers.TryAddWithoutValidation("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");

        using var response = await client.HttpClient.SendAsync(request, TestContext.Current.CancellationToken);
        var table = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal("Table", table["kind"]!.GetValue<string>());
        Assert.Equal(["Name", "Mode", "Ready", "Size", "Age"], table["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        var row = table["rows"]![0]!;
        Assert.Equal("PartialObjectMetadata", row["object"]!["kind"]!.GetValue<string>());
        Assert.Equal("row", row["object"]!["metadata"]!["name"]!.GetValue<string>());
        Assert.Null(row["object"]!["spec"]);
    }
}
