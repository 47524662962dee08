using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Tests.Infrastructure;

namespace VmLifecycle.LocalCluster.Tests.Validation;

[Collection(SharedCluster.Name)]
public sealed class SchemaValidationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Enum_Violation_Is_422_Invalid_As_Kubectl_Prints_It()
    {
        var ns = await fixture.CreateNamespaceAsync("invalid");

        var result = await fixture.Kubectl.RunAsync(["create", "-f", "-"], Widgets.Yaml("bad", ns, mode: "Turbo"), TestContext.Current.CancellationToken);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("The Widget \"bad\" is invalid: spec.mode: Unsupported value: \"Turbo\": supported values: \"Fast\", \"Slow\"", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_Violations_Are_Listed_With_Causes()
    {
        var ns = await fixture.CreateNamespaceAsync("invalid");
        using var client = fixture.CreateClient();
        var widget = Widgets.New("worse", size: 0, mode: "Turbo");
        ((JsonObject)widget["spec"]!).Remove("size");
        widget["spec"]!["port"] = true;

        var (code, status) = await Widgets.FailureOf(() => Widgets.CreateAsync(client, ns, widget));

        Assert.Equal(422, code);
        Assert.Equal("Widget", status["details"]!["kind"]!.GetValue<string>());
        Assert.Equal("test.vmlifecycle.io", status["details"]!["group"]!.GetValue<string>());
        var causes = status["details"]!["causes"]!.AsArray().Select(c => (c!["reason"]!.GetValue<string>(), c["field"]!.GetValue<string>())).ToList();
        Assert.Contains(("FieldValueRequired", "spec.size"), causes);
        Assert.Contains(("FieldValueNotSupported", "spec.mode"), causes);
        Assert.Contains(("FieldValueTypeInvalid", "spec.port"), causes);
        Assert.StartsWith("Widget.test.vmlifecycle.io \"worse\" is invalid: [", status["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_Field_Is_Rejected_By_Kubectl_Strict_Validation()
    {
        var ns = await fixture.CreateNamespaceAsync("strict");
        var manifest = Widgets.Yaml("strict", ns) + "\n  foo: bar\n";

        var result = await fixture.Kubectl.RunAsync(["create", "-f", "-"], manifest, TestContext.Current.CancellationToken);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Error from server (BadRequest)", result.Error, StringComparison.Ordinal);
        Assert.Contains("Widget in version \"v1\" cannot be handled as a Widget: strict decoding error: unknown field \"spec.foo\"", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_Field_Is_Dropped_With_A_Warning_When_Validation_Is_Warn()
    {
        var ns = await fixture.CreateNamespaceAsync("warn");
        var manifest = Widgets.Yaml("lenient", ns) + "\n  foo: bar\n";

        var result = await fixture.Kubectl.RunAsync(["create", "--validate=warn", "-f", "-"], manifest, TestContext.Current.CancellationToken);
        var stored = await fixture.Kubectl.SucceedAsync("get", "widget", "lenient", "-n", ns, "-o", "jsonpath={.spec}");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("unknown field \"spec.foo\"", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("foo", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preserved_Unknown_Fields_Nullable_Fields_And_Defaults_Are_Stored()
    {
        var ns = await fixture.CreateNamespaceAsync("preserve");
        using var client = fixture.CreateClient();
        var widget = Widgets.New("kept");
        widget["spec"]!["extra"] = new JsonObject { ["anything"] = new JsonObject { ["deep"] = 1 } };
        widget["spec"]!["note"] = null;
        widget["spec"]!["port"] = "http";
        widget["spec"]!["until"] = "2030-01-02T03:04:05Z";

        var created = await Widgets.CreateAsync(client, ns, widget);

        Assert.Equal(1, created["spec"]!["extra"]!["anything"]!["deep"]!.GetValue<int>());
        Assert.True(((JsonObject)created["spec"]!).ContainsKey("note"));
        Assert.Equal("Slow", created["spec"]!["mode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Malformed_Json_Is_A_400_Status()
    {
        var result = await fixture.Kubectl.RunAsync(["create", "--raw", "/api/v1/namespaces/default/configmaps", "-f", "-"], "{not json", TestContext.Current.CancellationToken);
        var duplicate = await fixture.Kubectl.RunAsync(["create", "--raw", "/api/v1/namespaces/default/configmaps", "-f", "-"],
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"twice","name":"again"}}""", TestContext.Current.CancellationToken);
        var wrongType = await fixture.Kubectl.RunAsync(["create", "--raw", "/api/v1/namespaces/default/configmaps", "-f", "-"],
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":7}}""", TestContext.Current.CancellationToken);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("BadRequest", result.Error, StringComparison.Ordinal);
        Assert.Contains("BadRequest", duplicate.Error, StringComparison.Ordinal);
        Assert.Contains("BadRequest", wrongType.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chart_VirtualMachine_Schema_Rejects_An_Unknown_RunStrategy()
    {
        var ns = await fixture.CreateNamespaceAsync("vm");
        var manifest = $"""
            apiVersion: kubevirt.io/v1
            kind: VirtualMachine
            metadata: {"{"}name: vm1, namespace: {ns}{"}"}
            spec:
              runStrategy: Sometimes
              template:
                spec:
                  domain:
                    devices: {"{}"}
            """;

        var result = await fixture.Kubectl.RunAsync(["create", "-f", "-"], manifest, TestContext.Current.CancellationToken);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("The VirtualMachine \"vm1\" is invalid: spec.runStrategy: Unsupported value: \"Sometimes\"", result.Error, StringComparison.Ordinal);
    }
}
