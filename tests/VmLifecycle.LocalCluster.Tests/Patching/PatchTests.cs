using k8s.Models;
using VmLifecycle.LocalCluster.Tests.Infrastructure;

namespace VmLifecycle.LocalCluster.Tests.Patching;

[Collection(SharedCluster.Name)]
public sealed class PatchTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Json_Patch_With_A_Failing_Test_Is_422_And_Changes_Nothing()
    {
        var ns = await fixture.CreateNamespaceAsync("jsonpatch");
        using var client = fixture.CreateClient();
        await Widgets.CreateAsync(client, ns, Widgets.New("guarded", size: 2));
        var patch = new V1Patch("""[{"op":"test","path":"/spec/size","value":7},{"op":"replace","path":"/spec/size","value":8}]""", V1Patch.PatchType.JsonPatch);

        var (code, status) = await Widgets.FailureOf(() => client.CustomObjects.PatchNamespacedCustomObjectAsync(
            patch, Widgets.Group, Widgets.Version, ns, Widgets.Plural, "guarded", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(422, code);
        Assert.Equal("Invalid", status["reason"]!.GetValue<string>());
        Assert.Equal("testing value /spec/size failed: test failed", status["details"]!["causes"]![0]!["message"]!.GetValue<string>());
        Assert.Equal(2, (await Widgets.GetAsync(client, ns, "guarded"))["spec"]!["size"]!.GetValue<int>());
    }

    [Fact]
    public async Task Json_Patch_Applies_Add_Replace_Remove_And_Passing_Test()
    {
        var ns = await fixture.CreateNamespaceAsync("jsonpatch");
        using var client = fixture.CreateClient();
        await Widgets.CreateAsync(client, ns, Widgets.New("edited", size: 2));
        var patch = new V1Patch(
            """[{"op":"test","path":"/spec/size","value":2},{"op":"replace","path":"/spec/size","value":4},{"op":"add","path":"/spec/tags","value":{"a":"b"}},{"op":"remove","path":"/spec/mode"}]""",
            V1Patch.PatchType.JsonPatch);

        var patched = Widgets.Parse(await client.CustomObjects.PatchNamespacedCustomObjectAsync(
            patch, Widgets.Group, Widgets.Version, ns, Widgets.Plural, "edited", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(4, patched["spec"]!["size"]!.GetValue<int>());
        Assert.Equal("b", patched["spec"]!["tags"]!["a"]!.GetValue<string>());
        Assert.Equal("Slow", patched["spec"]!["mode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Strategic_Merge_Patch_Is_415_For_Custom_Resources()
    {
        var ns = await fixture.CreateNamespaceAsync("smp");
        using var client = fixture.CreateClient();
        await Widgets.CreateAsync(client, ns, Widgets.New("custom"));

        var (code, status) = await Widgets.FailureOf(() => client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"spec":{"size":3}}""", V1Patch.PatchType.StrategicMergePatch), Widgets.Group, Widgets.Version, ns, Widgets.Plural, "custom", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(415, code);
        Assert.Equal("UnsupportedMediaType", status["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Strategic_Merge_Patch_Merges_ConfigMap_Data_And_Deletes_Nulls()
    {
        var ns = await fixture.CreateNamespaceAsync("smp");
        using var client = fixture.CreateClient();
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "merged", Finalizers = ["a/one"] },
            Data = new Dictionary<string, string> { ["keep"] = "1", ["drop"] = "2" },
        }, ns, cancellationToken: TestContext.Current.CancellationToken);

        var patched = await client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"metadata":{"finalizers":["b/two"]},"data":{"drop":null,"added":"3"}}""", V1Patch.PatchType.StrategicMergePatch), "merged", ns, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(new Dictionary<string, string> { ["keep"] = "1", ["added"] = "3" }, patched.Data);
        Assert.Equal(["a/one", "b/two"], patched.Metadata.Finalizers);
        await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"metadata":{"$deleteFromPrimitiveList/finalizers":["a/one","b/two"]}}""", V1Patch.PatchType.StrategicMergePatch), "merged", ns, cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Kubectl_Apply_Updates_Custom_Resources_And_ConfigMaps()
    {
        var ns = await fixture.CreateNamespaceAsync("apply");
        var configMap = $$"""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: {{ns}}}
            data: {first: "1", second: "2"}
            """;

        Assert.Contains("created", await fixture.Kubectl.ApplyAsync(Widgets.Yaml("applied", ns, size: 2)), StringComparison.Ordinal);
        Assert.Contains("configured", await fixture.Kubectl.ApplyAsync(Widgets.Yaml("applied", ns, size: 5)), StringComparison.Ordinal);
        Assert.Contains("unchanged", await fixture.Kubectl.ApplyAsync(Widgets.Yaml("applied", ns, size: 5)), StringComparison.Ordinal);
        await fixture.Kubectl.ApplyAsync(configMap);
        await fixture.Kubectl.ApplyAsync(configMap.Replace("first: \"1\", ", "", StringComparison.Ordinal));

        Assert.Equal("5 2", await fixture.Kubectl.SucceedAsync("get", "widget", "applied", "-n", ns, "-o", "jsonpath={.spec.size} {.metadata.generation}"));
        Assert.Equal("""{"second":"2"}""", await fixture.Kubectl.SucceedAsync("get", "configmap", "settings", "-n", ns, "-o", "jsonpath={.data}"));
    }

    [Fact]
    public async Task Kubectl_Apply_Of_A_Crd_Twice_Is_Unchanged()
    {
        var manifest = File.ReadAllText(Path.Combine(RunningCluster.FixturesDirectory, "widgets-crd.yaml"));

        await fixture.Kubectl.ApplyAsync(manifest);
        var second = await fixture.Kubectl.ApplyAsync(manifest);

        Assert.Contains("customresourcedefinition.apiextensions.k8s.io/widgets.test.vmlifecycle.io unchanged", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_Side_Apply_Creates_Then_Updates()
    {
        var ns = await fixture.CreateNamespaceAsync("ssa");

        var created = await fixture.Kubectl.RunAsync(["apply", "--server-side", "-f", "-"], Widgets.Yaml("declared", ns, size: 2), TestContext.Current.CancellationToken);
        var updated = await fixture.Kubectl.RunAsync(["apply", "--server-side", "-f", "-"], Widgets.Yaml("declared", ns, size: 6), TestContext.Current.CancellationToken);

        Assert.Contains("serverside-applied", created.Output, StringComparison.Ordinal);
        Assert.Equal(0, updated.ExitCode);
        Assert.Equal("6 2", await fixture.Kubectl.SucceedAsync("get", "widget", "declared", "-n", ns, "-o", "jsonpath={.spec.size} {.metadata.generation}"));
    }

    [Fact]
    public async Task Server_Side_Apply_Without_Field_Manager_Is_400()
    {
        var ns = await fixture.CreateNamespaceAsync("ssa");
        using var client = fixture.CreateClient();

        var (code, _) = await Widgets.FailureOf(() => client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"}}""", V1Patch.PatchType.ApplyPatch), "x", ns, cancellationToken: TestContext.Current.CancellationToken));
        var applied = await client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":{"a":"b"}}""", V1Patch.PatchType.ApplyPatch), "x", ns, fieldManager: "tests", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(400, code);
        Assert.Equal("b", applied.Data["a"]);
    }
}
