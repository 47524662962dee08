using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Bootstrap;
using VmLifecycle.LocalCluster.Tests.Infrastructure;
using VmLifecycle.LocalCluster.Validation;

namespace VmLifecycle.LocalCluster.Tests.Validation;

/// <summary>The repository's example manifests validate against the chart's CRDs (through the public validator).</summary>
public sealed class ExampleManifestTests
{
    [Fact]
    public void Examples_Are_Valid_Against_The_Chart_Crds()
    {
        var crds = RunningCluster.ChartCrdsDirectory;
        var examples = crds is null ? null : Path.GetFullPath(Path.Combine(crds, "..", "..", "..", "examples"));
        Assert.SkipWhen(crds is null || !Directory.Exists(examples), "the chart CRDs or the examples are not there yet");

        var schemas = Directory.EnumerateFiles(crds!, "*.yaml")
            .SelectMany(f => YamlManifests.Read(File.ReadAllText(f)))
            .SelectMany(crd => crd["spec"]!["versions"]!.AsArray().Select(v => (
                ApiVersion: $"{crd["spec"]!["group"]!.GetValue<string>()}/{v!["name"]!.GetValue<string>()}",
                Kind: crd["spec"]!["names"]!["kind"]!.GetValue<string>(),
                Schema: v["schema"]!["openAPIV3Schema"]!)))
            .ToList();
        var checkedManifests = 0;
        foreach (var file in Directory.EnumerateFiles(examples!, "*.yaml"))
        {
            foreach (var manifest in YamlManifests.Read(File.ReadAllText(file)))
            {
                var match = schemas.FirstOrDefault(s => s.ApiVersion == Text(manifest, "apiVersion") && s.Kind == Text(manifest, "kind"));
                if (match.Schema is null)
                {
                    continue;
                }

                var result = ManifestSchemaValidator.Validate(manifest, match.Schema);
                Assert.True(result.IsValid, $"{file}: {string.Join("; ", result.Errors)} unknown: {string.Join(", ", result.UnknownFields)}");
                checkedManifests++;
            }
        }

        Assert.True(checkedManifests > 0, "no example manifest matched a chart CRD");
    }

    private static string? Text(JsonObject obj, string field) => obj[field]?.GetValue<string>();
}
