using System.Text;
using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Errors;

namespace VmLifecycle.LocalCluster.Protobuf;

/// <summary>
/// Decodes <c>application/vnd.kubernetes.protobuf</c> bodies: the <c>k8s\0</c> magic, then a runtime.Unknown
/// (typeMeta=1 {apiVersion=1, kind=2}, raw=2) whose raw bytes are the object.
/// </summary>
internal static class KubernetesProtobufEnvelope
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    private static ReadOnlySpan<byte> Magic => "k8s\0"u8;

    public static JsonObject Decode(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(Magic))
        {
            throw ApiStatus.BadRequest("the protobuf body of the request does not start with the Kubernetes magic prefix");
        }

        var reader = new ProtobufReader(body[Magic.Length..]);
        string apiVersion = "", kind = "";
        ReadOnlySpan<byte> raw = default;
        while (!reader.End)
        {
            var (number, wireType) = reader.ReadTag();
            if (number == 1)
            {
                var typeMeta = new ProtobufReader(reader.ReadLengthDelimited());
                while (!typeMeta.End)
                {
                    var (field, type) = typeMeta.ReadTag();
                    if (field == 1)
                    {
                        apiVersion = Encoding.UTF8.GetString(typeMeta.ReadLengthDelimited());
                    }
                    else if (field == 2)
                    {
                        kind = Encoding.UTF8.GetString(typeMeta.ReadLengthDelimited());
                    }
                    else
                    {
                        typeMeta.Skip(type);
                    }
                }
            }
            else if (number == 2)
            {
                raw = reader.ReadLengthDelimited();
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        var layout = KubernetesProtobufLayouts.ForKind(kind)
            ?? throw ApiStatus.UnsupportedMediaType(MediaType, ["application/json"]);
        var obj = ProtobufJsonDecoder.Decode(raw, layout);
        var result = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        foreach (var (key, value) in obj)
        {
            result[key] = value?.DeepClone();
        }

        return result;
    }
}
