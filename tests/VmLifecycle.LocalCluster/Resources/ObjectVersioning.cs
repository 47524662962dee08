using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Resources;

/// <summary>Presents a stored object at the version it was requested at (no conversion: versions share one schema).</summary>
internal static class ObjectVersioning
{
    public static JsonObject ForVersion(ResourceDefinition definition, JsonObject obj)
    {
        var result = new JsonObject
        {
            ["apiVersion"] = definition.GroupVersion,
            ["kind"] = definition.Kind,
        };
        foreach (var (key, value) in obj)
        {
            if (key is not "apiVersion" and not "kind")
            {
                result[key] = value?.DeepClone();
            }
        }

        return result;
    }

    /// <summary>
    /// <see cref="ForVersion"/> for an object the caller owns and gives up (a copy the store returned): returned as it is
    /// when it already starts with this version's apiVersion and kind, which is what ForVersion would build from it;
    /// otherwise rebuilt by ForVersion. Saves a copy of every written object.
    /// </summary>
    public static JsonObject ForVersionOwned(ResourceDefinition definition, JsonObject owned) =>
        owned.Count >= 2
            && owned.GetAt(0) is { Key: "apiVersion", Value: JsonValue apiVersion } && apiVersion.GetValueKind() == JsonValueKind.String && apiVersion.GetValue<string>() == definition.GroupVersion
            && owned.GetAt(1) is { Key: "kind", Value: JsonValue kind } && kind.GetValueKind() == JsonValueKind.String && kind.GetValue<string>() == definition.Kind
                ? owned
                : ForVersion(definition, owned);

    /// <summary>
    /// The UTF-8 JSON of <c>ForVersion(definition, obj).ToJsonString()</c>, byte for byte, written straight from
    /// <paramref name="obj"/> without copying it (which only reads it).
    /// </summary>
    public static byte[] SerializeForVersion(ResourceDefinition definition, JsonObject obj)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("apiVersion", definition.GroupVersion);
            writer.WriteString("kind", definition.Kind);
            foreach (var (key, value) in obj)
            {
                if (key is "apiVersion" or "kind")
                {
                    continue;
                }

                writer.WritePropertyName(key);
                if (value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
