using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Errors;

namespace VmLifecycle.LocalCluster.Validation;

/// <summary>The outcome of validating a manifest: field errors, unknown (pruned) field paths, and the object as it would be stored.</summary>
public sealed record SchemaValidationResult(IReadOnlyList<FieldError> Errors, IReadOnlyList<string> UnknownFields, JsonNode Normalized)
{
    public bool IsValid => Errors.Count == 0 && UnknownFields.Count == 0;
}
