using System.Text.Json;
using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Errors;

namespace VmLifecycle.LocalCluster.Resources;

/// <summary>The fields of metav1.ObjectMeta; anything else under metadata is an unknown field.</summary>
internal static class ObjectMetaFields
{
    private static readonly HashSet<string> _known =
    [
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers", "managedFields",
    ];

    private static readonly string[] _stringFields = ["name", "generateName", "namespace", "uid", "resourceVersion", "creationTimestamp", "deletionTimestamp"];
    private static readonly string[] _stringMapFields = ["labels", "annotations"];

    /// <summary>Rejects metadata whose fields have the wrong JSON type, as the Go decoder does (400, not 422).</summary>
    public static void CheckTypes(JsonObject obj, ResourceDefinition definition)
    {
        if (obj["metadata"] is null)
        {
            return;
        }

        if (obj["metadata"] is not JsonObject metadata)
        {
            throw Invalid(definition, "metadata", "object");
        }

        foreach (var field in _stringFields)
        {
            if (metadata[field] is { } value && value.GetValueKind() != JsonValueKind.String)
            {
                throw Invalid(definition, $"metadata.{field}", "string");
            }
        }

        foreach (var field in _stringMapFields)
        {
            if (metadata[field] is { } map && (map is not JsonObject entries || entries.Any(e => e.Value is not null && e.Value.GetValueKind() != JsonValueKind.String)))
            {
                throw Invalid(definition, $"metadata.{field}", "map[string]string");
            }
        }

        if (metadata["finalizers"] is { } finalizers && (finalizers is not JsonArray list || list.Any(f => f is null || f.GetValueKind() != JsonValueKind.String)))
        {
            throw Invalid(definition, "metadata.finalizers", "[]string");
        }
    }

    private static StatusException Invalid(ResourceDefinition definition, string field, string type) =>
        ApiStatus.BadRequest($"{definition.Kind} in version \"{definition.Version}\" cannot be handled as a {definition.Kind}: json: cannot unmarshal into Go struct field {field} of type {type}");

    /// <summary>Removes unknown metadata fields and returns their paths.</summary>
    public static IEnumerable<string> PruneUnknown(JsonObject obj)
    {
        if (obj["metadata"] is not JsonObject metadata)
        {
            return [];
        }

        var unknown = metadata.Select(p => p.Key).Where(k => !_known.Contains(k)).ToList();
        foreach (var key in unknown)
        {
            metadata.Remove(key);
        }

        return unknown.Select(k => $"metadata.{k}");
    }
}
