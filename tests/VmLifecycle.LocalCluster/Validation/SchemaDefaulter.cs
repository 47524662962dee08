using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Validation;

/// <summary>Applies the <c>default</c> values of a structural schema to absent fields, top-down.</summary>
internal static class SchemaDefaulter
{
    public static void Apply(JsonNode? value, CompiledSchema schema)
    {
        switch (value)
        {
            case JsonObject obj:
                if (schema.Properties is { } properties)
                {
                    foreach (var (name, defaultValue) in schema.Defaults)
                    {
                        if (!obj.ContainsKey(name))
                        {
                            obj[name] = defaultValue.DeepClone();
                        }
                    }

                    foreach (var (name, child) in obj.ToList())
                    {
                        if (properties.TryGetValue(name, out var childSchema))
                        {
                            Apply(child, childSchema);
                        }
                    }
                }
                else if (schema.AdditionalProperties is { } additional)
                {
                    foreach (var (_, child) in obj.ToList())
                    {
                        Apply(child, additional);
                    }
                }

                break;
            case JsonArray array when schema.Items is { } items:
                foreach (var item in array)
                {
                    Apply(item, items);
                }

                break;
        }
    }
}
