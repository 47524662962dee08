using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Validation;

/// <summary>
/// Drops fields a structural schema does not know (unless x-kubernetes-preserve-unknown-fields) and nulls
/// where the schema is not nullable, as the CRD decoder does. Returns the paths of the unknown fields.
/// </summary>
internal static class SchemaPruner
{
    private static readonly string[] _embeddedFields = ["apiVersion", "kind", "metadata"];

    public static IReadOnlyList<string> Prune(JsonNode? value, CompiledSchema schema, string path, bool isRoot)
    {
        var unknown = new List<string>();
        Visit(value, schema, path, isRoot, unknown);
        return unknown;
    }

    private static void Visit(JsonNode? value, CompiledSchema schema, string path, bool isRoot, List<string> unknown)
    {
        switch (value)
        {
            case JsonObject obj:
                VisitObject(obj, schema, path, isRoot, unknown);
                break;
            case JsonArray array when schema.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    Visit(array[i], items, $"{path}[{i}]", false, unknown);
                }

                break;
        }
    }

    private static void VisitObject(JsonObject obj, CompiledSchema schema, string path, bool isRoot, List<string> unknown)
    {
        var additional = schema.AdditionalProperties;
        var preserve = schema.AllowsAnyAdditionalProperty;
        var embedded = isRoot || schema.EmbeddedResource;
        foreach (var (key, child) in obj.ToList())
        {
            if (embedded && _embeddedFields.Contains(key))
            {
                if (key == "metadata" || schema.Property(key) is null)
                {
                    continue;
                }
            }

            var childPath = SchemaNodes.Join(path, key);
            var childSchema = schema.Property(key) ?? additional;
            if (childSchema is null)
            {
                if (!preserve)
                {
                    unknown.Add(childPath);
                    obj.Remove(key);
                }

                continue;
            }

            if (child is null && !childSchema.Nullable)
            {
                obj.Remove(key);
                continue;
            }

            Visit(child, childSchema, childPath, false, unknown);
        }
    }
}
