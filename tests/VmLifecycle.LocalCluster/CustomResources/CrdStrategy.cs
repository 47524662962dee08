using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Resources;

namespace VmLifecycle.LocalCluster.CustomResources;

/// <summary>CustomResourceDefinition rules: name and version checks, and the status the CRD controllers would set (names accepted, established).</summary>
internal sealed class CrdStrategy(ResourceRegistry registry, TimeProvider time) : IResourceStrategy
{
    public bool AppliesTo(ResourceDefinition definition) => definition.StorageKey == BuiltInResources.CustomResourceDefinitions.StorageKey;

    public void PrepareForCreate(ResourceDefinition definition, JsonObject obj) => obj["status"] = Status(obj, null);

    public void PrepareForUpdate(ResourceDefinition definition, JsonObject obj, JsonObject old) => obj["status"] = Status(obj, old);

    public IEnumerable<FieldError> Validate(ResourceDefinition definition, JsonObject obj, JsonObject? old)
    {
        var spec = obj["spec"] as JsonObject;
        var group = spec?["group"]?.GetValue<string>() ?? "";
        var plural = spec?["names"]?["plural"]?.GetValue<string>() ?? "";
        var kind = spec?["names"]?["kind"]?.GetValue<string>() ?? "";
        var name = ObjectMeta.Name(obj);
        if (group.Length == 0)
        {
            yield return new FieldError("spec.group", "FieldValueRequired", "Required value");
        }

        if (plural.Length == 0)
        {
            yield return new FieldError("spec.names.plural", "FieldValueRequired", "Required value");
        }

        if (kind.Length == 0)
        {
            yield return new FieldError("spec.names.kind", "FieldValueRequired", "Required value");
        }

        if (name != $"{plural}.{group}")
        {
            yield return new FieldError("metadata.name", "FieldValueInvalid", $"Invalid value: \"{name}\": must be spec.names.plural+\".\"+spec.group");
        }

        var versions = (spec?["versions"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (versions.Count == 0)
        {
            yield return new FieldError("spec.versions", "FieldValueRequired", "Required value: must have exactly one version marked as storage version");
        }
        else if (versions.Count(v => v["storage"] is JsonValue s && s.TryGetValue<bool>(out var b) && b) != 1)
        {
            yield return new FieldError("spec.versions", "FieldValueInvalid", "Invalid value: must have exactly one version marked as storage version");
        }

        if (spec?["scope"]?.GetValue<string>() is { } scope && scope is not "Namespaced" and not "Cluster")
        {
            yield return new FieldError("spec.scope", "FieldValueNotSupported", $"Unsupported value: \"{scope}\": supported values: \"Cluster\", \"Namespaced\"");
        }

        if (group.Length > 0 && plural.Length > 0 && registry.IsTakenByOther(name, group, plural))
        {
            yield return new FieldError("spec.names.plural", "FieldValueInvalid", $"Invalid value: \"{plural}\": is already in use");
        }
    }

    private JsonObject Status(JsonObject crd, JsonObject? old)
    {
        var spec = crd["spec"] as JsonObject ?? [];
        var names = (spec["names"] as JsonObject ?? []).DeepClone().AsObject();
        var kind = names["kind"]?.GetValue<string>() ?? "";
        names["singular"] ??= kind.ToLowerInvariant();
        names["listKind"] ??= kind + "List";
        var stored = new List<string>();
        if (old?["status"]?["storedVersions"] is JsonArray previous)
        {
            stored.AddRange(previous.Select(v => v?.GetValue<string>() ?? "").Where(v => v.Length > 0));
        }

        foreach (var version in (spec["versions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (version["storage"] is JsonValue s && s.TryGetValue<bool>(out var isStorage) && isStorage && version["name"]?.GetValue<string>() is { } name && !stored.Contains(name))
            {
                stored.Add(name);
            }
        }

        var now = ResourceWriter.Timestamp(time);
        string Since(string type) => old?["status"]?["conditions"]?.AsArray().OfType<JsonObject>()
            .FirstOrDefault(c => c["type"]?.GetValue<string>() == type)?["lastTransitionTime"]?.GetValue<string>() ?? now;
        return new JsonObject
        {
            ["conditions"] = new JsonArray(
                Condition("NamesAccepted", "NoConflicts", "no conflicts found", Since("NamesAccepted")),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted", Since("Established"))),
            ["acceptedNames"] = names,
            ["storedVersions"] = new JsonArray([.. stored.Select(v => (JsonNode?)JsonValue.Create(v))]),
        };
    }

    private static JsonObject Condition(string type, string reason, string message, string since) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["lastTransitionTime"] = since,
        ["reason"] = reason,
        ["message"] = message,
    };
}
