using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Resources;

/// <summary>Presents a stored object at the version it was requested at (no conversion: versions share one schema).</summary>
internal static class ObjectVersioning
{
    public static JsonObject ForVersion(ResourceDefinition definition, JsonObject obj)
    {
        var result = new JsonObject
        {
            ["apiVersion"] = definition.GroupVersion,
            ["kind"] = definition.Kind,
        };
        foreach (var (key, value) in obj)
        {
            if (key is not "apiVersion" and not "kind")
            {
                result[key] = value?.DeepClone();
            }
        }

        return result;
    }
}
