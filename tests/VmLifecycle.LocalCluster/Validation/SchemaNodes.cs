using System.Text.Json;
using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Validation;

/// <summary>Reading an OpenAPI v3 schema node and classifying JSON values by their OpenAPI type.</summary>
internal static class SchemaNodes
{
    public static string? Type(JsonObject schema) => schema["type"] is JsonValue v && v.TryGetValue<string>(out var t) ? t : null;

    public static bool Flag(JsonObject schema, string name) => schema[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public static JsonObject? Properties(JsonObject schema) => schema["properties"] as JsonObject;

    public static JsonObject? Child(JsonObject schema, string property) => Properties(schema)?[property] as JsonObject;

    public static JsonObject? AdditionalProperties(JsonObject schema) => schema["additionalProperties"] as JsonObject;

    public static bool AllowsAnyAdditionalProperty(JsonObject schema) =>
        Flag(schema, "x-kubernetes-preserve-unknown-fields") || Flag(schema, "additionalProperties");

    public static JsonObject? Items(JsonObject schema) => schema["items"] as JsonObject;

    public static string Join(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";

    /// <summary>The OpenAPI type name of a JSON value ("null" for null).</summary>
    public static string TypeOf(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => IsInteger(v) ? "integer" : "number",
            _ => "null",
        },
        _ => "unknown",
    };

    public static bool IsInteger(JsonValue value) =>
        Number(value) is { } d && Math.Floor(d) == d && !double.IsInfinity(d) && !value.ToJsonString().Contains('.', StringComparison.Ordinal);

    /// <summary>A JSON number as double, whatever CLR type backs the node (parsed documents and code-built nodes differ).</summary>
    public static double? Number(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            && double.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
            ? d
            : null;

    /// <summary>A value as kube-openapi prints it in messages: strings quoted, numbers and booleans bare.</summary>
    public static string Display(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => $"\"{v.GetValue<string>()}\"",
        _ => value.ToJsonString(),
    };
}
