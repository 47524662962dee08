using System.Text;
using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Resources;

/// <summary>Secrets: <c>stringData</c> is write-only and merged into <c>data</c> (base64); the type defaults to Opaque.</summary>
internal sealed class SecretStrategy : IResourceStrategy
{
    public bool AppliesTo(ResourceDefinition definition) => definition.StorageKey == "/secrets";

    public void PrepareForCreate(ResourceDefinition definition, JsonObject obj)
    {
        MergeStringData(obj);
        obj["type"] ??= "Opaque";
    }

    public void PrepareForUpdate(ResourceDefinition definition, JsonObject obj, JsonObject old)
    {
        MergeStringData(obj);
        obj["type"] ??= old["type"]?.DeepClone() ?? "Opaque";
    }

    private static void MergeStringData(JsonObject obj)
    {
        if (obj["stringData"] is not JsonObject stringData)
        {
            obj.Remove("stringData");
            return;
        }

        var data = obj["data"] as JsonObject ?? [];
        foreach (var (key, value) in stringData)
        {
            data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value?.GetValue<string>() ?? ""));
        }

        obj["data"] = data;
        obj.Remove("stringData");
    }
}
