using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Bootstrap;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Resources;
using YamlDotNet.Core;

namespace VmLifecycle.LocalCluster.Patching;

/// <summary>
/// A simplified server-side apply: the applied configuration is merged into the object (strategic merge for
/// built-in kinds, merge patch for custom resources), and a missing object is created. Field ownership
/// (managedFields, conflicts, removal of fields a manager stopped applying) is not tracked.
/// </summary>
internal static class ServerSideApply
{
    public static JsonObject Parse(string body)
    {
        try
        {
            var documents = YamlManifests.Read(body);
            return documents.Count == 1 ? documents[0] : throw ApiStatus.BadRequest("apply patches must contain exactly one object");
        }
        catch (YamlException exception)
        {
            throw ApiStatus.BadRequest($"error decoding YAML: {exception.Message}");
        }
    }

    public static JsonObject Apply(JsonObject current, JsonObject applied, ResourceDefinition definition)
    {
        var configuration = (JsonObject)applied.DeepClone();
        if (configuration["metadata"] is JsonObject metadata)
        {
            metadata.Remove("managedFields");
            metadata.Remove("resourceVersion");
        }

        return definition.AcceptsStrategicMergePatch
            ? StrategicMergePatch.Apply(current, configuration)
            : JsonMergePatch.Apply(current, configuration).AsObject();
    }
}
