using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Patching;

/// <summary>
/// Strategic merge patch for the built-in kinds the local cluster serves: a JSON merge patch that understands
/// the directives kubectl sends (<c>$patch</c>, <c>$retainKeys</c>, <c>$setElementOrder</c>,
/// <c>$deleteFromPrimitiveList</c>) and merges the ObjectMeta lists whose Go types declare a merge strategy.
/// Every other list of these kinds is atomic (replaced), as in their Go types.
/// </summary>
internal static class StrategicMergePatch
{
    private const string PatchDirective = "$patch";
    private const string RetainKeysDirective = "$retainKeys";
    private const string SetElementOrderPrefix = "$setElementOrder/";
    private const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList/";

    /// <summary>Lists merged rather than replaced: path → merge key ("" for lists of scalars merged as sets).</summary>
    private static readonly Dictionary<string, string> _mergeLists = new(StringComparer.Ordinal)
    {
        ["metadata.finalizers"] = "",
        ["metadata.ownerReferences"] = "uid",
    };

    public static JsonObject Apply(JsonObject original, JsonObject patch) => (JsonObject)MergeMap((JsonObject)original.DeepClone(), patch, "")!;

    private static JsonObject? MergeMap(JsonObject original, JsonObject patch, string path)
    {
        if (patch[PatchDirective]?.GetValue<string>() is { } directive)
        {
            if (directive == "delete")
            {
                return null;
            }

            if (directive == "replace")
            {
                var replacement = (JsonObject)patch.DeepClone();
                replacement.Remove(PatchDirective);
                return replacement;
            }
        }

        if (patch[RetainKeysDirective] is JsonArray retain)
        {
            var keep = retain.Select(k => k?.GetValue<string>()).ToHashSet();
            foreach (var key in original.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                original.Remove(key);
            }
        }

        foreach (var (key, value) in patch)
        {
            if (key is PatchDirective or RetainKeysDirective || key.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (key.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal))
            {
                var field = key[DeleteFromPrimitiveListPrefix.Length..];
                if (original[field] is JsonArray list && value is JsonArray remove)
                {
                    var kept = list.Where(item => !remove.Any(r => JsonNode.DeepEquals(r, item))).Select(i => i?.DeepClone()).ToArray();
                    original[field] = new JsonArray(kept);
                }

                continue;
            }

            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            if (value is null)
            {
                original.Remove(key);
            }
            else if (value is JsonObject patchChild && original[key] is JsonObject originalChild)
            {
                var merged = MergeMap((JsonObject)originalChild.DeepClone(), patchChild, childPath);
                if (merged is null)
                {
                    original.Remove(key);
                }
                else
                {
                    original[key] = merged;
                }
            }
            else if (value is JsonArray patchList && original[key] is JsonArray originalList && _mergeLists.TryGetValue(childPath, out var mergeKey))
            {
                original[key] = MergeList(originalList, patchList, mergeKey);
            }
            else if (value is JsonObject newChild)
            {
                original[key] = MergeMap([], newChild, childPath);
            }
            else
            {
                original[key] = value.DeepClone();
            }
        }

        return original;
    }

    private static JsonArray MergeList(JsonArray original, JsonArray patch, string mergeKey)
    {
        var result = original.Select(i => i?.DeepClone()).ToList();
        foreach (var item in patch)
        {
            if (mergeKey.Length == 0)
            {
                if (!result.Any(r => JsonNode.DeepEquals(r, item)))
                {
                    result.Add(item?.DeepClone());
                }

                continue;
            }

            if (item is not JsonObject element)
            {
                continue;
            }

            var keyValue = element[mergeKey];
            var index = result.FindIndex(r => r is JsonObject o && JsonNode.DeepEquals(o[mergeKey], keyValue));
            var delete = element[PatchDirective]?.GetValue<string>() == "delete";
            if (index >= 0)
            {
                if (delete)
                {
                    result.RemoveAt(index);
                }
                else
                {
                    result[index] = MergeMap((JsonObject)result[index]!, element, "");
                }
            }
            else if (!delete)
            {
                result.Add(MergeMap([], element, ""));
            }
        }

        return new JsonArray([.. result]);
    }
}
