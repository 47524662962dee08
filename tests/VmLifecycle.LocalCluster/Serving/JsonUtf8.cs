using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Serving;

/// <summary>UTF-8 JSON of a node, byte for byte what <c>ToJsonString()</c> gives, without the UTF-16 string in between.</summary>
internal static class JsonUtf8
{
    public static byte[] Serialize(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
