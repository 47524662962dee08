using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Resources;

/// <summary>Edits metadata.ownerReferences.</summary>
internal static class OwnerReferences
{
    public static void Remove(JsonObject obj, string ownerUid)
    {
        var remaining = ObjectMeta.OwnerReferences(obj).Where(r => r["uid"]?.GetValue<string>() != ownerUid).Select(r => (JsonNode?)r.DeepClone()).ToArray();
        if (remaining.Length == 0)
        {
            ObjectMeta.Of(obj).Remove("ownerReferences");
        }
        else
        {
            ObjectMeta.Of(obj)["ownerReferences"] = new JsonArray(remaining);
        }
    }
}
