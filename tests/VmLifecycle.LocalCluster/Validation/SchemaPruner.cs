using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Validation;

/// <summary>
/// Drops fields a structural schema does not know (unless x-kubernetes-preserve-unknown-fields) and nulls
/// where the schema is not nullable, as the CRD decoder does. Returns the paths of the unknown fields.
/// </summary>
internal static class SchemaPruner
{
    private static readonly string[] _embeddedFields = ["apiVersion", "kind", "metadata"];

    public static IReadOnlyList<string> Prune(JsonNode? value, JsonObject schema, string path, bool isRoot)
    {
        var unknown = new List<string>();
        Visit(value, schema, path, isRoot, unknown);
        return unknown;
    }

    private static void Visit(JsonNode? value, JsonObject schema, string path, bool isRoot, List<string> unknown)
    {
        switch (value)
        {
            case JsonObject obj:
                VisitObject(obj, schema, path, isRoot, unknown);
                break;
            case JsonArray array when SchemaNodes.Items(schema) is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    Visit(array[i], items, $"{path}[{i}]", false, unknown);
                }

                break;
        }
    }

    private static void VisitObject(JsonObject obj, JsonObject schema, string path, bool isRoot, List<string> unknown)
    {
        var properties = SchemaNodes.Properties(schema);
        var additional = SchemaNodes.AdditionalProperties(schema);
        var preserve = SchemaNodes.AllowsAnyAdditionalProperty(schema);
        var embedded = isRoot || SchemaNodes.Flag(schema, "x-kubernetes-embedded-resource");
        foreach (var (key, child) in obj.ToList())
        {
            if (embedded && _embeddedFields.Contains(key))
            {
                if (key == "metadata" || properties?[key] is not JsonObject)
                {
                    continue;
                }
            }

            var childPath = SchemaNodes.Join(path, key);
            var childSchema = properties?[key] as JsonObject ?? additional;
            if (childSchema is null)
            {
                if (!preserve)
                {
                    unknown.Add(childPath);
                    obj.Remove(key);
                }

                continue;
            }

            if (child is null && !SchemaNodes.Flag(childSchema, "nullable"))
            {
                obj.Remove(key);
                continue;
            }

            Visit(child, childSchema, childPath, false, unknown);
        }
    }
}
