using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Resources;

/// <summary>Reads and writes the metadata of a JSON object (the fields of metav1.ObjectMeta the server manages).</summary>
internal static class ObjectMeta
{
    public static JsonObject Of(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            return metadata;
        }

        var created = new JsonObject();
        obj["metadata"] = created;
        return created;
    }

    public static string Text(JsonObject obj, string field) =>
        obj["metadata"] is JsonObject metadata && metadata[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";

    public static string Name(JsonObject obj) => Text(obj, "name");

    public static string Namespace(JsonObject obj) => Text(obj, "namespace");

    public static string Uid(JsonObject obj) => Text(obj, "uid");

    public static string ResourceVersion(JsonObject obj) => Text(obj, "resourceVersion");

    public static bool IsDeleting(JsonObject obj) => Text(obj, "deletionTimestamp").Length > 0;

    public static IReadOnlyDictionary<string, string> Labels(JsonObject obj)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj["metadata"]?["labels"] is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                labels[key] = value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? "";
            }
        }

        return labels;
    }

    public static List<string> Finalizers(JsonObject obj) =>
        obj["metadata"]?["finalizers"] is JsonArray array ? [.. array.Select(n => n?.GetValue<string>() ?? "")] : [];

    public static void SetFinalizers(JsonObject obj, IReadOnlyCollection<string> finalizers)
    {
        if (finalizers.Count == 0)
        {
            Of(obj).Remove("finalizers");
        }
        else
        {
            Of(obj)["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode?)JsonValue.Create(f))]);
        }
    }

    public static IReadOnlyList<JsonObject> OwnerReferences(JsonObject obj) =>
        obj["metadata"]?["ownerReferences"] is JsonArray array ? [.. array.OfType<JsonObject>()] : [];

    public static long Generation(JsonObject obj) =>
        obj["metadata"]?["generation"] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number
            && long.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var generation)
            ? generation
            : 0;
}
