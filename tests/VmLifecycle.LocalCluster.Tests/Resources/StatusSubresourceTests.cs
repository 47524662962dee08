using System.Text.Json.Nodes;
using k8s.Models;
using VmLifecycle.LocalCluster.Tests.Infrastructure;

namespace VmLifecycle.LocalCluster.Tests.Resources;

[Collection(SharedCluster.Name)]
public sealed class StatusSubresourceTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Status_Written_Through_The_Main_Endpoint_Is_Ignored()
    {
        var ns = await fixture.CreateNamespaceAsync("status");
        using var client = fixture.CreateClient();
        var widget = Widgets.New("main");
        widget["status"] = new JsonObject { ["phase"] = "Forged" };

        var created = await Widgets.CreateAsync(client, ns, widget);
        var statusAfterCreate = created["status"];
        created["status"] = new JsonObject { ["phase"] = "Forged" };
        var replaced = Widgets.Parse(await client.CustomObjects.ReplaceNamespacedCustomObjectAsync(
            created, Widgets.Group, Widgets.Version, ns, Widgets.Plural, "main", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Null(statusAfterCreate);
        Assert.Null(replaced["status"]);
        Assert.Equal(1, replaced["metadata"]!["generation"]!.GetValue<long>());
    }

    [Fact]
    public async Task Status_Endpoint_Changes_Only_Status_And_Not_Generation()
    {
        var ns = await fixture.CreateNamespaceAsync("status");
        using var client = fixture.CreateClient();
        var created = await Widgets.CreateAsync(client, ns, Widgets.New("reported", size: 2));
        created["spec"]!["size"] = 9;
        created["status"] = new JsonObject
        {
            ["phase"] = "Running",
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }),
        };

        var updated = Widgets.Parse(await client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(
            created, Widgets.Group, Widgets.Version, ns, Widgets.Plural, "reported", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("Running", updated["status"]!["phase"]!.GetValue<string>());
        Assert.Equal(2, updated["spec"]!["size"]!.GetValue<int>());
        Assert.Equal(1, updated["metadata"]!["generation"]!.GetValue<long>());
    }

    [Fact]
    public async Task Generation_Is_Bumped_By_Spec_Changes_Only()
    {
        var ns = await fixture.CreateNamespaceAsync("generation");
        using var client = fixture.CreateClient();
        await Widgets.CreateAsync(client, ns, Widgets.New("counted", size: 1));

        async Task<long> PatchAsync(string patch, bool status = false)
        {
            var body = new V1Patch(patch, V1Patch.PatchType.MergePatch);
            var result = status
                ? await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(body, Widgets.Group, Widgets.Version, ns, Widgets.Plural, "counted", cancellationToken: TestContext.Current.CancellationToken)
                : await client.CustomObjects.PatchNamespacedCustomObjectAsync(body, Widgets.Group, Widgets.Version, ns, Widgets.Plural, "counted", cancellationToken: TestContext.Current.CancellationToken);
            return Widgets.Parse(result)["metadata"]!["generation"]!.GetValue<long>();
        }

        Assert.Equal(2, await PatchAsync("""{"spec":{"size":3}}"""));
        Assert.Equal(2, await PatchAsync("""{"metadata":{"labels":{"seen":"yes"}}}"""));
        Assert.Equal(2, await PatchAsync("""{"status":{"phase":"Running"}}""", status: true));
        Assert.Equal(3, await PatchAsync("""{"spec":{"mode":"Fast"}}"""));
    }

    [Fact]
    public async Task Namespace_Status_Is_Active_And_Default_Cannot_Be_Deleted()
    {
        var phase = await fixture.Kubectl.SucceedAsync("get", "namespace", "default", "-o", "jsonpath={.status.phase}");
        var deletion = await fixture.Kubectl.RunAsync("delete", "namespace", "default");

        Assert.Equal("Active", phase);
        Assert.Contains("namespaces \"default\" is forbidden: this namespace may not be deleted", deletion.Error, StringComparison.Ordinal);
    }
}
