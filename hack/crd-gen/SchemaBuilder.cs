using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s.Models;

namespace VmLifecycle.CrdGen;

/// <summary>
/// Builds a structural OpenAPI v3 schema from the api/ types by reflection, following their System.Text.Json attributes,
/// so the schema accepts exactly what the types read and write.
/// </summary>
internal sealed class SchemaBuilder(XmlDocumentation documentation)
{
    // Kubernetes' own validation pattern for resource.Quantity, as controller-gen emits it.
    private const string QuantityPattern =
        @"^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$";

    private readonly HashSet<Type> _inProgress = [];

    /// <summary>The openAPIV3Schema of an entity: its properties, with the root metadata left to the API server.</summary>
    public SchemaNode ForEntity(Type entityType) => ForObject(entityType, isRoot: true);

    private SchemaNode ForProperty(PropertyInfo property, bool isRoot)
    {
        var schema = ForType(property.PropertyType, isRoot);
        schema.Description = documentation.Summary(property) ?? schema.Description;
        if (property.GetCustomAttribute<DefaultValueAttribute>() is { Value: { } value })
        {
            schema["default"] = value;
        }

        return schema;
    }

    private SchemaNode ForType(Type type, bool isRoot)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;

        if (type == typeof(string))
        {
            return SchemaNode.OfType("string");
        }

        if (type == typeof(bool))
        {
            return SchemaNode.OfType("boolean");
        }

        if (type == typeof(int) || type == typeof(short) || type == typeof(ushort) || type == typeof(byte))
        {
            return SchemaNode.OfType("integer", format: "int32");
        }

        if (type == typeof(long) || type == typeof(uint))
        {
            return SchemaNode.OfType("integer", format: "int64");
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return SchemaNode.OfType("number", format: "double");
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return SchemaNode.OfType("string", format: "date-time");
        }

        if (type.IsEnum)
        {
            return ForEnum(type);
        }

        if (type == typeof(ResourceQuantity))
        {
            var quantity = new SchemaNode
            {
                ["anyOf"] = new List<object> { SchemaNode.OfType("integer"), SchemaNode.OfType("string") },
                ["pattern"] = QuantityPattern,
                ["x-kubernetes-int-or-string"] = true,
            };
            return quantity;
        }

        if (type == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(type))
        {
            return PreservingUnknownFields(SchemaNode.OfType("object"));
        }

        if (type == typeof(V1ObjectMeta))
        {
            // The API server owns the root metadata's schema and forbids more than type: object there; embedded metadata
            // (a template's labels and annotations) is kept as given.
            return isRoot ? SchemaNode.OfType("object") : PreservingUnknownFields(SchemaNode.OfType("object"));
        }

        if (DictionaryValueType(type) is { } valueType)
        {
            var map = SchemaNode.OfType("object");
            map["additionalProperties"] = ForType(valueType, isRoot: false);
            return map;
        }

        if (SequenceItemType(type) is { } itemType)
        {
            var array = SchemaNode.OfType("array");
            array["items"] = ForType(itemType, isRoot: false);
            return array;
        }

        if (type.IsClass && type.Namespace?.StartsWith("VmLifecycle.", StringComparison.Ordinal) == true)
        {
            return ForObject(type, isRoot: false);
        }

        throw new NotSupportedException($"The CRD generator has no schema for {type}; model it as a class of api/ or teach SchemaBuilder the type.");
    }

    private SchemaNode ForEnum(Type enumType)
    {
        var schema = SchemaNode.OfType("string");
        schema.Description = documentation.Summary(enumType);
        schema["enum"] = enumType
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .OrderBy(field => field.MetadataToken) // declaration order, which is the order users read
            .Select(field => (object)(field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name))
            .ToList();
        return schema;
    }

    private SchemaNode ForObject(Type type, bool isRoot)
    {
        if (!_inProgress.Add(type))
        {
            throw new NotSupportedException($"{type} contains itself; structural schemas cannot be recursive.");
        }

        try
        {
            var schema = SchemaNode.OfType("object");
            schema.Description = documentation.Summary(type);

            var properties = new SchemaNode();
            var required = new List<string>();
            var preservesUnknownFields = false;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetCustomAttribute<JsonExtensionDataAttribute>() is not null)
                {
                    preservesUnknownFields = true;
                    continue;
                }

                if (property.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.Always })
                {
                    continue;
                }

                var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
                    ?? throw new NotSupportedException($"{type}.{property.Name} has no [JsonPropertyName]; every api/ property names its JSON field.");
                properties[name] = ForProperty(property, isRoot);
                if (property.GetCustomAttribute<RequiredAttribute>() is not null)
                {
                    required.Add(name);
                }
            }

            if (properties.Count > 0)
            {
                schema["properties"] = properties;
            }

            if (required.Count > 0)
            {
                required.Sort(StringComparer.Ordinal);
                schema["required"] = required.Cast<object>().ToList();
            }

            return preservesUnknownFields ? PreservingUnknownFields(schema) : schema;
        }
        finally
        {
            _inProgress.Remove(type);
        }
    }

    private static SchemaNode PreservingUnknownFields(SchemaNode schema)
    {
        schema["x-kubernetes-preserve-unknown-fields"] = true;
        return schema;
    }

    private static Type? DictionaryValueType(Type type)
    {
        var dictionary = GenericInterface(type, typeof(IDictionary<,>)) ?? GenericInterface(type, typeof(IReadOnlyDictionary<,>));
        if (dictionary is null)
        {
            return null;
        }

        var arguments = dictionary.GetGenericArguments();
        return arguments[0] == typeof(string)
            ? arguments[1]
            : throw new NotSupportedException($"{type} has non-string keys; JSON objects only have string keys.");
    }

    private static Type? SequenceItemType(Type type) =>
        type.IsArray ? type.GetElementType() : GenericInterface(type, typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static Type? GenericInterface(Type type, Type genericDefinition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == genericDefinition
            ? type
            : type.GetInterfaces().FirstOrDefault(candidate => candidate.IsGenericType && candidate.GetGenericTypeDefinition() == genericDefinition);
}
