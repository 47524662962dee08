using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Serving;

namespace VmLifecycle.LocalCluster.Watch;

/// <summary>The lines of a JSON watch stream: <c>{"type":TYPE,"object":OBJECT}</c> and a newline, as kube-apiserver writes them.</summary>
internal static class WatchFrames
{
    /// <summary>The line for an event whose object is already serialised (<paramref name="objectJson"/> is copied as it is).</summary>
    public static byte[] Compose(string type, ReadOnlySpan<byte> objectJson)
    {
        var buffer = new ArrayBufferWriter<byte>(objectJson.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WritePropertyName("object");
            writer.WriteRawValue(objectJson, skipInputValidation: true);
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The line for an event carrying <paramref name="payload"/> (a Table, a bookmark, a Status).</summary>
    public static byte[] Compose(string type, JsonNode payload) => Compose(type, JsonUtf8.Serialize(payload));
}
