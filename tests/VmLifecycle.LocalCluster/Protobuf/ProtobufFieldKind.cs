namespace VmLifecycle.LocalCluster.Protobuf;

/// <summary>The field encodings the local cluster decodes.</summary>
internal enum ProtobufFieldKind
{
    Text,
    Bytes,
    Integer,
    Flag,
    Message,
    Time,
    StringMap,
    BytesMap,
    MessageMap,
}
