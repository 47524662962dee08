using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Storage;

/// <summary>What a mutation decided: the new state of the object, or its removal.</summary>
internal readonly record struct StoreMutation(JsonObject? Object, bool Deleted)
{
    public static StoreMutation Delete => new(null, true);

    public static StoreMutation Write(JsonObject value) => new(value, false);
}
