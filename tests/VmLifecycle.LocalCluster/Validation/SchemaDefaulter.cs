using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Validation;

/// <summary>Applies the <c>default</c> values of a structural schema to absent fields, top-down.</summary>
internal static class SchemaDefaulter
{
    public static void Apply(JsonNode? value, JsonObject schema)
    {
        switch (value)
        {
            case JsonObject obj:
                if (SchemaNodes.Properties(schema) is { } properties)
                {
                    foreach (var (name, propertyNode) in properties)
                    {
                        if (propertyNode is JsonObject property && !obj.ContainsKey(name) && property["default"] is { } defaultValue)
                        {
                            obj[name] = defaultValue.DeepClone();
                        }
                    }

                    foreach (var (name, child) in obj.ToList())
                    {
                        if (properties[name] is JsonObject childSchema)
                        {
                            Apply(child, childSchema);
                        }
                    }
                }
                else if (SchemaNodes.AdditionalProperties(schema) is { } additional)
                {
                    foreach (var (_, child) in obj.ToList())
                    {
                        Apply(child, additional);
                    }
                }

                break;
            case JsonArray array when SchemaNodes.Items(schema) is { } items:
                foreach (var item in array)
                {
                    Apply(item, items);
                }

                break;
        }
    }
}
