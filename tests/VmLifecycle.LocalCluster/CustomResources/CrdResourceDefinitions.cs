using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Resources;

namespace VmLifecycle.LocalCluster.CustomResources;

/// <summary>Turns a CustomResourceDefinition object into the resource definitions of its served versions.</summary>
internal static class CrdResourceDefinitions
{
    private static readonly PrinterColumn _ageColumn = new("Age", "date", "", "", 0, ".metadata.creationTimestamp");

    public static IReadOnlyList<ResourceDefinition> From(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject ?? [];
        var names = spec["names"] as JsonObject ?? [];
        var group = Text(spec, "group");
        var kind = Text(names, "kind");
        var plural = Text(names, "plural");
        var singular = Text(names, "singular");
        var namespaced = Text(spec, "scope") != "Cluster";
        var definitions = new List<ResourceDefinition>();
        foreach (var version in (spec["versions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (version["served"] is JsonValue served && served.TryGetValue<bool>(out var isServed) && !isServed)
            {
                continue;
            }

            var columns = (version["additionalPrinterColumns"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(c => new PrinterColumn(Text(c, "name"), Text(c, "type"), Text(c, "format"), Text(c, "description"),
                    (int)(Validation.SchemaNodes.Number(c["priority"]) ?? 0), Text(c, "jsonPath")))
                .ToList();
            definitions.Add(new ResourceDefinition
            {
                Group = group,
                Version = Text(version, "name"),
                Resource = plural,
                SingularName = singular.Length > 0 ? singular : kind.ToLowerInvariant(),
                Kind = kind,
                Namespaced = namespaced,
                ShortNames = Strings(names["shortNames"]),
                Categories = Strings(names["categories"]),
                HasStatusSubresource = version["subresources"]?["status"] is JsonObject,
                TracksGeneration = true,
                AcceptsStrategicMergePatch = false,
                Schema = version["schema"]?["openAPIV3Schema"] as JsonObject,
                PrinterColumns = columns.Count > 0 ? columns : [_ageColumn],
                SelectableFields = [.. (version["selectableFields"] as JsonArray ?? []).OfType<JsonObject>().Select(f => Text(f, "jsonPath").TrimStart('.')).Where(f => f.Length > 0)],
                DefinedBy = Text(crd["metadata"] as JsonObject ?? [], "name"),
            });
        }

        return definitions;
    }

    private static string Text(JsonObject obj, string field) => obj[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    private static IReadOnlyList<string> Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : "").Where(s => s.Length > 0)] : [];
}
