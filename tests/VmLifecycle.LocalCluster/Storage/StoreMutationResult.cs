using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Storage;

/// <summary>The object after a mutation (the last state, when it was deleted).</summary>
internal sealed record StoreMutationResult(JsonObject Object, bool Deleted);
