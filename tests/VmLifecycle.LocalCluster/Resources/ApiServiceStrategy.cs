using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Errors;

namespace VmLifecycle.LocalCluster.Resources;

/// <summary>
/// APIService rules: the name is <c>version.group</c>; a Local APIService (no service) is Available at once.
/// The availability of a service-backed APIService is the aggregation proxy's to report through the status subresource.
/// </summary>
internal sealed class ApiServiceStrategy(TimeProvider time) : IResourceStrategy
{
    public bool AppliesTo(ResourceDefinition definition) => definition.StorageKey == BuiltInResources.ApiServices.StorageKey;

    public void PrepareForCreate(ResourceDefinition definition, JsonObject obj)
    {
        if (obj["spec"]?["service"] is null)
        {
            obj["status"] = new JsonObject
            {
                ["conditions"] = new JsonArray(new JsonObject
                {
                    ["type"] = "Available",
                    ["status"] = "True",
                    ["lastTransitionTime"] = ResourceWriter.Timestamp(time),
                    ["reason"] = "Local",
                    ["message"] = "Local APIServices are always available",
                }),
            };
        }
    }

    public IEnumerable<FieldError> Validate(ResourceDefinition definition, JsonObject obj, JsonObject? old)
    {
        var group = obj["spec"]?["group"]?.GetValue<string>() ?? "";
        var version = obj["spec"]?["version"]?.GetValue<string>() ?? "";
        var name = ObjectMeta.Name(obj);
        var expected = group.Length == 0 ? version : $"{version}.{group}";
        if (name != expected)
        {
            yield return new FieldError("metadata.name", "FieldValueInvalid", $"Invalid value: \"{name}\": must be {expected}");
        }
    }
}
