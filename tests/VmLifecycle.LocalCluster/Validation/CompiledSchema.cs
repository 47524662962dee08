using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Validation;

/// <summary>
/// An OpenAPI v3 schema node with its keywords read once: the validator, pruner and defaulter walk these instead of
/// looking every keyword up again in the schema's JSON at every node of every object they check. Values are taken
/// exactly as <see cref="SchemaNodes"/> reads them; keywords whose reading can fail on a malformed schema (format,
/// pattern, required) are kept as JSON and read where they are used, as before. A schema must not be modified once
/// compiled; CRD schemas never are (a changed CRD gives new resource definitions).
/// </summary>
internal sealed class CompiledSchema
{
    private static readonly ConditionalWeakTable<JsonObject, CompiledSchema> _byCrdSchema = [];

    private CompiledSchema(JsonObject source)
    {
        Source = source;
        Type = SchemaNodes.Type(source);
        Nullable = SchemaNodes.Flag(source, "nullable");
        IntOrString = SchemaNodes.Flag(source, "x-kubernetes-int-or-string");
        EmbeddedResource = SchemaNodes.Flag(source, "x-kubernetes-embedded-resource");
        AllowsAnyAdditionalProperty = SchemaNodes.AllowsAnyAdditionalProperty(source);
        Format = source["format"];
        Pattern = source["pattern"];
        Required = source["required"] as JsonArray;
        Enum = source["enum"] as JsonArray;
        Minimum = SchemaNodes.Number(source["minimum"]);
        Maximum = SchemaNodes.Number(source["maximum"]);
        MinLength = SchemaNodes.Number(source["minLength"]);
        MaxLength = SchemaNodes.Number(source["maxLength"]);
        MinItems = SchemaNodes.Number(source["minItems"]);
        MaxItems = SchemaNodes.Number(source["maxItems"]);
        AllOf = source["allOf"] is JsonArray allOf ? [.. allOf.OfType<JsonObject>().Select(Compile)] : null;
        AnyOf = Options(source["anyOf"]);
        OneOf = Options(source["oneOf"]);
        AdditionalProperties = SchemaNodes.AdditionalProperties(source) is { } additional ? Compile(additional) : null;
        Items = SchemaNodes.Items(source) is { } items ? Compile(items) : null;
        if (SchemaNodes.Properties(source) is { } properties)
        {
            var compiled = new Dictionary<string, CompiledSchema>(StringComparer.Ordinal);
            var defaults = new List<(string, JsonNode)>();
            foreach (var (name, property) in properties)
            {
                if (property is JsonObject propertySchema)
                {
                    compiled[name] = Compile(propertySchema);
                    if (propertySchema["default"] is { } defaultValue)
                    {
                        defaults.Add((name, defaultValue));
                    }
                }
            }

            Properties = compiled;
            Defaults = defaults;
        }
    }

    /// <summary>The schema's JSON, for what is read only when reporting an error.</summary>
    public JsonObject Source { get; }

    public string? Type { get; }

    public bool Nullable { get; }

    public bool IntOrString { get; }

    public bool EmbeddedResource { get; }

    /// <summary><c>x-kubernetes-preserve-unknown-fields</c> or <c>additionalProperties: true</c>.</summary>
    public bool AllowsAnyAdditionalProperty { get; }

    public JsonNode? Format { get; }

    public JsonNode? Pattern { get; }

    public JsonArray? Required { get; }

    public JsonArray? Enum { get; }

    public double? Minimum { get; }

    public double? Maximum { get; }

    public double? MinLength { get; }

    public double? MaxLength { get; }

    public double? MinItems { get; }

    public double? MaxItems { get; }

    /// <summary>The object schemas of <c>allOf</c>; null without the keyword.</summary>
    public IReadOnlyList<CompiledSchema>? AllOf { get; }

    /// <summary><c>anyOf</c>: how many options the array has and its object schemas; null without the keyword.</summary>
    public (int Count, IReadOnlyList<CompiledSchema> Schemas)? AnyOf { get; }

    /// <summary><c>oneOf</c>, as <see cref="AnyOf"/>.</summary>
    public (int Count, IReadOnlyList<CompiledSchema> Schemas)? OneOf { get; }

    /// <summary>The properties whose schema is an object; null without a <c>properties</c> object.</summary>
    public IReadOnlyDictionary<string, CompiledSchema>? Properties { get; }

    /// <summary>The properties that have a <c>default</c>, in schema order; empty without properties.</summary>
    public IReadOnlyList<(string Name, JsonNode Default)> Defaults { get; } = [];

    public CompiledSchema? AdditionalProperties { get; }

    public CompiledSchema? Items { get; }

    /// <summary>Compiles a schema (and its subschemas) for one use: the caller may change it afterwards.</summary>
    public static CompiledSchema Compile(JsonObject schema) => new(schema);

    /// <summary>A CRD version's schema, compiled once and kept as long as the schema object lives.</summary>
    public static CompiledSchema ForCrd(JsonObject schema) => _byCrdSchema.GetValue(schema, Compile);

    public CompiledSchema? Property(string name) => Properties is { } properties && properties.TryGetValue(name, out var property) ? property : null;

    private static (int, IReadOnlyList<CompiledSchema>)? Options(JsonNode? keyword) =>
        keyword is JsonArray options ? (options.Count, [.. options.OfType<JsonObject>().Select(Compile)]) : null;
}
