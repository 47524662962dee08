namespace VmLifecycle.LocalCluster.Protobuf;

/// <summary>A protobuf message layout: field numbers to JSON fields (from k8s.io/api's generated.proto).</summary>
internal sealed class ProtobufMessage
{
    private readonly Dictionary<int, ProtobufField> _fields = [];

    public ProtobufField? Field(int number) => _fields.GetValueOrDefault(number);

    public ProtobufMessage With(int number, string jsonName, ProtobufFieldKind kind, bool repeated = false, ProtobufMessage? message = null)
    {
        _fields[number] = new ProtobufField(jsonName, kind, repeated, message);
        return this;
    }
}
