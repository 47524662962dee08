using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Protobuf;

/// <summary>Decodes a protobuf message into JSON with a <see cref="ProtobufMessage"/> layout; unknown fields are skipped.</summary>
internal static class ProtobufJsonDecoder
{
    private static readonly ProtobufMessage _stringList = new ProtobufMessage().With(1, "items", ProtobufFieldKind.Text, repeated: true);

    public static JsonObject Decode(ReadOnlySpan<byte> data, ProtobufMessage layout)
    {
        var result = new JsonObject();
        var reader = new ProtobufReader(data);
        while (!reader.End)
        {
            var (number, wireType) = reader.ReadTag();
            var field = layout.Field(number);
            if (field is null)
            {
                reader.Skip(wireType);
                continue;
            }

            var value = ReadValue(ref reader, field, out var mapEntry);
            if (mapEntry is { } entry)
            {
                var map = result[field.JsonName] as JsonObject ?? [];
                map[entry.Key] = entry.Value;
                result[field.JsonName] = map;
            }
            else if (field.Repeated)
            {
                var list = result[field.JsonName] as JsonArray ?? [];
                list.Add(value);
                result[field.JsonName] = list;
            }
            else if (!IsZero(value))
            {
                // gogo-protobuf writes every non-pointer field; JSON omits the empty ones (omitempty).
                result[field.JsonName] = value;
            }
        }

        return result;
    }

    private static JsonNode? ReadValue(ref ProtobufReader reader, ProtobufField field, out (string Key, JsonNode? Value)? mapEntry)
    {
        mapEntry = null;
        switch (field.Kind)
        {
            case ProtobufFieldKind.Integer:
                return JsonValue.Create((long)reader.ReadVarint());
            case ProtobufFieldKind.Flag:
                return JsonValue.Create(reader.ReadVarint() != 0);
            case ProtobufFieldKind.Text:
                return JsonValue.Create(Encoding.UTF8.GetString(reader.ReadLengthDelimited()));
            case ProtobufFieldKind.Bytes:
                return JsonValue.Create(Convert.ToBase64String(reader.ReadLengthDelimited()));
            case ProtobufFieldKind.Message:
                return Decode(reader.ReadLengthDelimited(), field.Message!);
            case ProtobufFieldKind.Time:
                return Time(reader.ReadLengthDelimited()) is { } time ? JsonValue.Create(time) : null;
            default:
                mapEntry = MapEntry(reader.ReadLengthDelimited(), field);
                return null;
        }
    }

    private static bool IsZero(JsonNode? value) =>
        value is null || (value is JsonValue v && v.TryGetValue<string>(out var text) && text.Length == 0);

    private static (string, JsonNode?) MapEntry(ReadOnlySpan<byte> data, ProtobufField field)
    {
        var reader = new ProtobufReader(data);
        var key = "";
        JsonNode? value = field.Kind == ProtobufFieldKind.StringMap ? JsonValue.Create("") : null;
        while (!reader.End)
        {
            var (number, wireType) = reader.ReadTag();
            if (number == 1)
            {
                key = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
            }
            else if (number == 2)
            {
                var bytes = reader.ReadLengthDelimited();
                value = field.Kind switch
                {
                    ProtobufFieldKind.StringMap => JsonValue.Create(Encoding.UTF8.GetString(bytes)),
                    ProtobufFieldKind.BytesMap => JsonValue.Create(Convert.ToBase64String(bytes)),
                    ProtobufFieldKind.StringListMap => Decode(bytes, _stringList)["items"]?.DeepClone() ?? new JsonArray(),
                    _ => Decode(bytes, field.Message!),
                };
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return (key, value);
    }

    private static string? Time(ReadOnlySpan<byte> data)
    {
        var reader = new ProtobufReader(data);
        long seconds = 0;
        while (!reader.End)
        {
            var (number, wireType) = reader.ReadTag();
            if (number == 1)
            {
                seconds = (long)reader.ReadVarint();
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return seconds == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
