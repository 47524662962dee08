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

    /// <summary>map&lt;string, {repeated string items = 1}&gt; (e.g. authentication ExtraValue), which JSON writes as a map of string arrays.</summary>
    StringListMap,
}
