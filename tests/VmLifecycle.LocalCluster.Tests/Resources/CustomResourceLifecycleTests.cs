using System.Text.Json.Nodes;
using k8s.Models;
using VmLifecycle.LocalCluster.Tests.Infrastructure;

namespace VmLifecycle.LocalCluster.Tests.Resources;

[Collection(SharedCluster.Name)]
public sealed class CustomResourceLifecycleTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Create_Sets_Uid_CreationTimestamp_Generation_And_ResourceVersion()
    {
        var ns = await fixture.CreateNamespaceAsync("create");
        using var client = fixture.CreateClient();

        var created = await Widgets.CreateAsync(client, ns, Widgets.New("first"));

        var metadata = created["metadata"]!;
        Assert.True(Guid.TryParse(metadata["uid"]!.GetValue<string>(), out _));
        Assert.NotNull(metadata["creationTimestamp"]);
        Assert.Equal(1, metadata["generation"]!.GetValue<long>());
        Assert.True(long.Parse(metadata["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("Slow", created["spec"]!["mode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Creating_An_Existing_Name_Is_409_AlreadyExists()
    {
        var ns = await fixture.CreateNamespaceAsync("exists");
        using var client = fixture.CreateClient();
        await Widgets.CreateAsync(client, ns, Widgets.New("twice"));

        var (code, status) = await Widgets.FailureOf(() => Widgets.CreateAsync(client, ns, Widgets.New("twice")));

        Assert.Equal(409, code);
        Assert.Equal("AlreadyExists", status["reason"]!.GetValue<string>());
        Assert.Equal("widgets.test.vmlifecycle.io \"twice\" already exists", status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Getting_A_Missing_Object_Is_404_With_Kube_Apiserver_Message()
    {
        var result = await fixture.Kubectl.RunAsync("get", "widget", "missing", "-n", "default");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Error from server (NotFound): widgets.test.vmlifecycle.io \"missing\" not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateName_Produces_A_Unique_Name_With_The_Prefix()
    {
        var ns = await fixture.CreateNamespaceAsync("generate");
        using var client = fixture.CreateClient();
        var widget = Widgets.New("");
        widget["metadata"] = new JsonObject { ["generateName"] = "auto-" };

        var first = await Widgets.CreateAsync(client, ns, widget);
        var second = await Widgets.CreateAsync(client, ns, (JsonObject)widget.DeepClone());

        var firstName = first["metadata"]!["name"]!.GetValue<string>();
        Assert.StartsWith("auto-", firstName, StringComparison.Ordinal);
        Assert.Equal(10, firstName.Length);
        Assert.NotEqual(firstName, second["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_With_A_Stale_ResourceVersion_Is_409_Conflict()
    {
        var ns = await fixture.CreateNamespaceAsync("conflict");
        using var client = fixture.CreateClient();
        var created = await Widgets.CreateAsync(client, ns, Widgets.New("contended"));
        var stale = (JsonObject)created.DeepClone();
        created["spec"]!["size"] = 5;
        await client.CustomObjects.ReplaceNamespacedCustomObjectAsync(created, Widgets.Group, Widgets.Version, ns, Widgets.Plural, "contended", cancellationToken: TestContext.Current.CancellationToken);
        stale["spec"]!["size"] = 6;

        var (code, status) = await Widgets.FailureOf(() => client.CustomObjects.ReplaceNamespacedCustomObjectAsync(
            stale, Widgets.Group, Widgets.Version, ns, Widgets.Plural, "contended", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(409, code);
        Assert.Equal("Conflict", status["reason"]!.GetValue<string>());
        Assert.Equal(
            "Operation cannot be fulfilled on widgets.test.vmlifecycle.io \"contended\": the object has been modified; please apply your changes to the latest version and try again",
            status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Creating_In_A_Missing_Namespace_Is_404()
    {
        using var client = fixture.CreateClient();

        var (code, status) = await Widgets.FailureOf(() => Widgets.CreateAsync(client, "no-such-namespace", Widgets.New("orphan")));

        Assert.Equal(404, code);
        Assert.Equal("namespaces \"no-such-namespace\" not found", status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task DryRun_Create_Returns_The_Object_Without_Storing_It()
    {
        var ns = await fixture.CreateNamespaceAsync("dryrun");

        var result = await fixture.Kubectl.RunAsync(["create", "--dry-run=server", "-f", "-"], Widgets.Yaml("imagined2", ns), TestContext.Current.CancellationToken);
        var lookup = await fixture.Kubectl.RunAsync("get", "widget", "imagined2", "-n", ns);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("created (server dry run)", result.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, lookup.ExitCode);
    }

    [Fact]
    public async Task Label_And_Field_Selectors_Filter_Lists()
    {
        var ns = await fixture.CreateNamespaceAsync("select");
        using var client = fixture.CreateClient();
        foreach (var (name, tier) in new[] { ("a", "web"), ("b", "db"), ("c", "cache") })
        {
            var widget = Widgets.New(name);
            widget["metadata"]!["labels"] = new JsonObject { ["tier"] = tier };
            await Widgets.CreateAsync(client, ns, widget);
        }

        async Task<string[]> NamesAsync(string? labels, string? fields)
        {
            var list = Widgets.Parse(await client.CustomObjects.ListNamespacedCustomObjectAsync(
                Widgets.Group, Widgets.Version, ns, Widgets.Plural, labelSelector: labels, fieldSelector: fields, cancellationToken: TestContext.Current.CancellationToken));
            return [.. list["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>())];
        }

        Assert.Equal(["a"], await NamesAsync("tier=web", null));
        Assert.Equal(["a", "c"], await NamesAsync("tier!=db", null));
        Assert.Equal(["b", "c"], await NamesAsync("tier in (db,cache)", null));
        Assert.Equal(["a"], await NamesAsync("tier notin (db,cache)", null));
        Assert.Equal(["a", "b", "c"], await NamesAsync("tier", null));
        Assert.Empty(await NamesAsync("!tier", null));
        Assert.Equal(["b"], await NamesAsync(null, "metadata.name=b"));
        Assert.Equal(["a", "c"], await NamesAsync(null, $"metadata.name!=b,metadata.namespace={ns}"));
    }

    [Fact]
    public async Task List_Honours_Limit_With_Continue_Tokens()
    {
        var ns = await fixture.CreateNamespaceAsync("paging");
        using var client = fixture.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"cm-{i}" } }, ns, cancellationToken: TestContext.Current.CancellationToken);
        }

        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 2, continueParameter: token, cancellationToken: TestContext.Current.CancellationToken);
            names.AddRange(page.Items.Select(i => i.Metadata.Name));
            token = page.Metadata.ContinueProperty;
            pages++;
        }
        while (!string.IsNullOrEmpty(token));

        Assert.Equal(3, pages);
        Assert.Equal(["cm-0", "cm-1", "cm-2", "cm-3", "cm-4"], names);
    }
}
