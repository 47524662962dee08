using System.Text.Json.Nodes;
using k8s.Models;
using VmLifecycle.LocalCluster.Tests.Infrastructure;

namespace VmLifecycle.LocalCluster.Tests.Resources;

[Collection(SharedCluster.Name)]
public sealed class DeletionTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Delete_With_Finalizer_Keeps_Object_Until_Finalizer_Removed()
    {
        var ns = await fixture.CreateNamespaceAsync("finalize");
        using var client = fixture.CreateClient();
        var widget = Widgets.New("held");
        widget["metadata"]!["finalizers"] = new JsonArray("test.vmlifecycle.io/hold");
        await Widgets.CreateAsync(client, ns, widget);

        var deleting = Widgets.Parse(await client.CustomObjects.DeleteNamespacedCustomObjectAsync(
            Widgets.Group, Widgets.Version, ns, Widgets.Plural, "held", cancellationToken: TestContext.Current.CancellationToken));
        var stillThere = await Widgets.GetAsync(client, ns, "held");
        await client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch("""{"metadata":{"finalizers":null}}""", V1Patch.PatchType.MergePatch),
            Widgets.Group, Widgets.Version, ns, Widgets.Plural, "held", cancellationToken: TestContext.Current.CancellationToken);
        var (code, _) = await Widgets.FailureOf(() => Widgets.GetAsync(client, ns, "held"));

        Assert.Equal("Widget", deleting["kind"]!.GetValue<string>());
        Assert.NotNull(deleting["metadata"]!["deletionTimestamp"]);
        Assert.NotNull(stillThere["metadata"]!["deletionTimestamp"]);
        Assert.Equal(404, code);
    }

    [Fact]
    public async Task Deleting_Object_Refuses_New_Finalizers()
    {
        var ns = await fixture.CreateNamespaceAsync("finalize");
        var manifest = Widgets.Yaml("locked", ns).Replace("  name: locked", "  name: locked\n  finalizers: [a/one]", StringComparison.Ordinal);
        await fixture.Kubectl.ApplyAsync(manifest, "create");
        await fixture.Kubectl.SucceedAsync("delete", "widget", "locked", "-n", ns, "--wait=false");

        var result = await fixture.Kubectl.RunAsync("patch", "widget", "locked", "-n", ns, "--type=json", "-p", """[{"op":"add","path":"/metadata/finalizers/-","value":"b/two"}]""");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no new finalizers can be added if the object is being deleted", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_Preconditions_On_Uid_And_ResourceVersion_Are_409()
    {
        var ns = await fixture.CreateNamespaceAsync("precondition");
        using var client = fixture.CreateClient();
        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "guarded" } }, ns, cancellationToken: TestContext.Current.CancellationToken);

        var (uidCode, uidStatus) = await Widgets.FailureOf(() => client.CoreV1.DeleteNamespacedConfigMapAsync("guarded", ns,
            new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = "not-the-uid" } }, cancellationToken: TestContext.Current.CancellationToken));
        var (versionCode, _) = await Widgets.FailureOf(() => client.CoreV1.DeleteNamespacedConfigMapAsync("guarded", ns,
            new V1DeleteOptions { Preconditions = new V1Preconditions { ResourceVersion = "1" } }, cancellationToken: TestContext.Current.CancellationToken));
        await client.CoreV1.DeleteNamespacedConfigMapAsync("guarded", ns,
            new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = created.Metadata.Uid } }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(409, uidCode);
        Assert.Equal(409, versionCode);
        Assert.Equal(
            $"Operation cannot be fulfilled on configmaps \"guarded\": Precondition failed: UID in precondition: not-the-uid, UID in object meta: {created.Metadata.Uid}",
            uidStatus["message"]!.GetValue<string>());
        Assert.Empty((await client.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: TestContext.Current.CancellationToken)).Items);
    }

    [Fact]
    public async Task Background_Deletion_Garbage_Collects_Dependents_By_Owner_Uid()
    {
        var ns = await fixture.CreateNamespaceAsync("gc");
        using var client = fixture.CreateClient();
        var owner = await Widgets.CreateAsync(client, ns, Widgets.New("owner"));
        var reference = new V1OwnerReference
        {
            ApiVersion = $"{Widgets.Group}/{Widgets.Version}", Kind = "Widget", Name = "owner", Uid = owner["metadata"]!["uid"]!.GetValue<string>(),
        };
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "owned", OwnerReferences = [reference] } }, ns, cancellationToken: TestContext.Current.CancellationToken);
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "independent" } }, ns, cancellationToken: TestContext.Current.CancellationToken);

        await client.CustomObjects.DeleteNamespacedCustomObjectAsync(Widgets.Group, Widgets.Version, ns, Widgets.Plural, "owner", cancellationToken: TestContext.Current.CancellationToken);

        var remaining = await Eventually.ValueAsync(
            async () => (await client.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: TestContext.Current.CancellationToken)).Items.Select(i => i.Metadata.Name).ToList(),
            names => !names.Contains("owned"));
        Assert.Equal(["independent"], remaining);
    }

    [Fact]
    public async Task Orphan_Deletion_Keeps_Dependents_And_Drops_Their_Owner_Reference()
    {
        var ns = await fixture.CreateNamespaceAsync("orphan");
        using var client = fixture.CreateClient();
        var owner = await Widgets.CreateAsync(client, ns, Widgets.New("parent"));
        var reference = new V1OwnerReference
        {
            ApiVersion = $"{Widgets.Group}/{Widgets.Version}", Kind = "Widget", Name = "parent", Uid = owner["metadata"]!["uid"]!.GetValue<string>(),
        };
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "child", OwnerReferences = [reference] } }, ns, cancellationToken: TestContext.Current.CancellationToken);

        await fixture.Kubectl.SucceedAsync("delete", "widget", "parent", "-n", ns, "--cascade=orphan");
        var child = await client.CoreV1.ReadNamespacedConfigMapAsync("child", ns, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Null(child.Metadata.OwnerReferences);
    }

    [Fact]
    public async Task Deleting_A_Namespace_Removes_Its_Contents_And_Then_The_Namespace()
    {
        var ns = await fixture.CreateNamespaceAsync("doomed");
        await fixture.Kubectl.ApplyAsync(Widgets.Yaml("inside", ns));

        await fixture.Kubectl.SucceedAsync("delete", "namespace", ns, "--timeout=20s");
        var lookup = await fixture.Kubectl.RunAsync("get", "namespace", ns);

        Assert.Contains($"namespaces \"{ns}\" not found", lookup.Error, StringComparison.Ordinal);
        var store = fixture.Cluster.Store;
        Assert.DoesNotContain(store.Snapshot(), entry => entry.Key.Namespace == ns);
    }

    [Fact]
    public async Task DryRun_Delete_Leaves_The_Object_In_Place()
    {
        var ns = await fixture.CreateNamespaceAsync("drydelete");
        await fixture.Kubectl.ApplyAsync(Widgets.Yaml("spared", ns));

        var output = await fixture.Kubectl.SucceedAsync("delete", "widget", "spared", "-n", ns, "--dry-run=server");

        Assert.Contains("deleted (server dry run)", output, StringComparison.Ordinal);
        await fixture.Kubectl.SucceedAsync("get", "widget", "spared", "-n", ns);
    }
}
