using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Bootstrap;
using VmLifecycle.LocalCluster.Tests.Infrastructure;
using VmLifecycle.LocalCluster.Validation;

namespace VmLifecycle.LocalCluster.Tests.Validation;

/// <summary>
/// The repository's example manifests (examples/, used by the README and the end-to-end suite) are valid
/// against the chart's CRDs: by the schema validator alone, and as the real kubectl sends them to a cluster.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class ExampleManifestTests(ClusterFixture fixture)
{
    private static readonly string ExamplesDirectory = Path.Combine(RunningCluster.RepositoryRoot, "examples");

    public static TheoryData<string> ExampleFiles => ["vmi.yaml", "vm.yaml", "vm-always.yaml"];

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_Is_Valid_Against_The_Chart_Crd_Schema(string file)
    {
        var schemas = ChartSchemas();
        var manifests = YamlManifests.Read(File.ReadAllText(Path.Combine(ExamplesDirectory, file)));

        Assert.NotEmpty(manifests);
        foreach (var manifest in manifests)
        {
            var key = $"{Text(manifest, "apiVersion")} {Text(manifest, "kind")}";
            Assert.True(schemas.TryGetValue(key, out var schema), $"{file}: no chart CRD serves {key}");
            var result = ManifestSchemaValidator.Validate(manifest, schema);
            Assert.True(result.IsValid, $"{file}: {string.Join("; ", result.Errors)} unknown: {string.Join(", ", result.UnknownFields)}");
            Assert.Empty(result.UnknownFields);
        }
    }

    [Theory]
    [InlineData("vmi.yaml", "virtualmachineinstance.kubevirt.io/testvmi created (server dry run)")]
    [InlineData("vm.yaml", "virtualmachine.kubevirt.io/my-vm created (server dry run)")]
    [InlineData("vm-always.yaml", "virtualmachine.kubevirt.io/testvm created (server dry run)")]
    public async Task Kubectl_Create_Of_The_Example_Is_Accepted_With_Strict_Validation(string file, string expected)
    {
        var ns = await fixture.CreateNamespaceAsync("examples");

        var output = await fixture.Kubectl.SucceedAsync("create", "--dry-run=server", "--validate=strict", "-n", ns, "-f", Path.Combine(ExamplesDirectory, file));

        Assert.Equal(expected, output.Trim());
    }

    [Fact]
    public async Task Kubectl_Create_Of_A_Broken_Example_Is_Refused()
    {
        // The same check must be able to fail: a typo in a field the CRD models is rejected, not silently kept.
        var ns = await fixture.CreateNamespaceAsync("examples");
        var broken = File.ReadAllText(Path.Combine(ExamplesDirectory, "vm.yaml"))
            .Replace("runStrategy: Halted", "runStrategy: Halted\n  runStrategey: Always", StringComparison.Ordinal);

        var result = await fixture.Kubectl.RunAsync(["create", "--dry-run=server", "--validate=strict", "-n", ns, "-f", "-"], broken, TestContext.Current.CancellationToken);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("unknown field \"spec.runStrategey\"", result.Error, StringComparison.Ordinal);
    }

    private static Dictionary<string, JsonNode> ChartSchemas() =>
        Directory.EnumerateFiles(RunningCluster.ChartCrdsDirectory, "*.yaml")
            .SelectMany(f => YamlManifests.Read(File.ReadAllText(f)))
            .SelectMany(crd => crd["spec"]!["versions"]!.AsArray().Select(version => (
                Key: $"{crd["spec"]!["group"]!.GetValue<string>()}/{version!["name"]!.GetValue<string>()} {crd["spec"]!["names"]!["kind"]!.GetValue<string>()}",
                Schema: version["schema"]!["openAPIV3Schema"]!)))
            .ToDictionary(s => s.Key, s => s.Schema, StringComparer.Ordinal);

    private static string? Text(JsonObject manifest, string field) => manifest[field]?.GetValue<string>();
}
