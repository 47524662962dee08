namespace VmLifecycle.LocalCluster.Protobuf;

/// <summary>How one field of a Kubernetes protobuf message maps to JSON.</summary>
internal sealed record ProtobufField(string JsonName, ProtobufFieldKind Kind, bool Repeated = false, ProtobufMessage? Message = null);
