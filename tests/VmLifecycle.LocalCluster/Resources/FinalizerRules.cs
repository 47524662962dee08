using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Storage;

namespace VmLifecycle.LocalCluster.Resources;

/// <summary>
/// Finalizers on a deleting object: none may be added, and the update that removes the last one
/// deletes the object (namespaces also wait for their spec.finalizers).
/// </summary>
internal static class FinalizerRules
{
    public const string ForegroundDeletion = "foregroundDeletion";
    public const string Orphan = "orphan";

    public static IEnumerable<FieldError> Validate(JsonObject current, JsonObject next)
    {
        if (!ObjectMeta.IsDeleting(current))
        {
            yield break;
        }

        var existing = ObjectMeta.Finalizers(current);
        var added = ObjectMeta.Finalizers(next).Where(f => !existing.Contains(f)).ToList();
        if (added.Count > 0)
        {
            var list = string.Join(", ", added.Select(f => $"\"{f}\""));
            yield return new FieldError("metadata.finalizers", "FieldValueForbidden",
                $"Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{{{list}}}");
        }
    }

    public static StoreMutation AfterUpdate(ResourceDefinition definition, JsonObject current, JsonObject next) =>
        ObjectMeta.IsDeleting(current) && !HasPendingFinalizers(definition, next) ? StoreMutation.Delete : StoreMutation.Write(next);

    public static bool HasPendingFinalizers(ResourceDefinition definition, JsonObject obj) =>
        ObjectMeta.Finalizers(obj).Count > 0
        || (definition == BuiltInResources.Namespaces && obj["spec"]?["finalizers"] is JsonArray { Count: > 0 });
}
