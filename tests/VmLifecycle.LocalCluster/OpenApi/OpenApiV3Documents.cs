using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Resources;

namespace VmLifecycle.LocalCluster.OpenApi;

/// <summary>
/// OpenAPI v3 as kube-apiserver publishes it: <c>/openapi/v3</c> lists one document per group/version, each with
/// the schemas (x-kubernetes-group-version-kind, for <c>kubectl explain</c>) and the paths whose PATCH operation
/// declares <c>fieldValidation</c> and <c>dryRun</c> (which is how kubectl decides that validation is server-side).
/// </summary>
internal sealed class OpenApiV3Documents(ResourceRegistry registry)
{
    public JsonObject Index()
    {
        var paths = new JsonObject();
        foreach (var groupVersion in registry.All().Select(d => (d.Group, d.Version)).Distinct())
        {
            var key = PathKey(groupVersion.Group, groupVersion.Version);
            var hash = Hash(Document(groupVersion.Group, groupVersion.Version)!.ToJsonString());
            paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash={hash}" };
        }

        return new JsonObject { ["paths"] = paths };
    }

    public JsonObject? Document(string group, string version)
    {
        var definitions = registry.In(group, version);
        if (definitions.Count == 0)
        {
            return null;
        }

        var schemas = new JsonObject();
        var paths = new JsonObject();
        foreach (var definition in definitions)
        {
            var schemaName = SchemaName(definition);
            schemas[schemaName] = SchemaOf(definition);
            var basePath = definition.Group.Length == 0 ? $"/api/{definition.Version}" : $"/apis/{definition.Group}/{definition.Version}";
            var collection = definition.Namespaced ? $"{basePath}/namespaces/{{namespace}}/{definition.Resource}" : $"{basePath}/{definition.Resource}";
            var reference = new JsonObject { ["$ref"] = $"#/components/schemas/{schemaName}" };
            var patchTypes = Patching.PatchApplier.SupportedMediaTypes(definition).Where(t => t != Patching.PatchRequest.StrategicMergePatch).ToArray();
            var collectionPath = new JsonObject { ["post"] = Operation(definition, "post", reference, ["application/json"]) };
            paths[collection] = collectionPath;
            if (definition.Verbs.Contains("get"))
            {
                collectionPath["get"] = Operation(definition, "list", reference, null);
                paths[collection + "/{name}"] = new JsonObject
                {
                    ["get"] = Operation(definition, "get", reference, null),
                    ["put"] = Operation(definition, "put", reference, ["application/json"]),
                    ["patch"] = Operation(definition, "patch", reference, patchTypes),
                    ["delete"] = Operation(definition, "delete", reference, null),
                };
            }
            else
            {
                // Create-only kinds (reviews): kubectl looks for fieldValidation on a PATCH operation of the kind to
                // decide that validation is server-side; without one it would need the protobuf OpenAPI v2.
                collectionPath["patch"] = Operation(definition, "patch", reference, patchTypes);
            }
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    public static string PathKey(string group, string version) => group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";

    /// <summary>The schema name kube-apiserver uses for CRDs: the group reversed, the version, the kind.</summary>
    public static string SchemaName(ResourceDefinition definition)
    {
        var group = definition.Group.Length == 0 ? "core" : string.Join('.', definition.Group.Split('.').Reverse());
        return $"{group}.{definition.Version}.{definition.Kind}";
    }

    private static JsonObject SchemaOf(ResourceDefinition definition)
    {
        var schema = definition.Schema?.DeepClone().AsObject() ?? new JsonObject
        {
            ["type"] = "object",
            ["x-kubernetes-preserve-unknown-fields"] = true,
        };
        schema["description"] ??= $"{definition.Kind} is a {(definition.DefinedBy is null ? "built-in" : "custom")} resource of {definition.GroupVersion}.";
        var properties = schema["properties"] as JsonObject ?? [];
        properties["apiVersion"] ??= new JsonObject
        {
            ["type"] = "string",
            ["description"] = "APIVersion defines the versioned schema of this representation of an object.",
        };
        properties["kind"] ??= new JsonObject
        {
            ["type"] = "string",
            ["description"] = "Kind is a string value representing the REST resource this object represents.",
        };
        properties["metadata"] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "Standard object's metadata.",
            ["x-kubernetes-preserve-unknown-fields"] = true,
        };
        schema["properties"] = properties;
        schema["x-kubernetes-group-version-kind"] = new JsonArray(Gvk(definition));
        return schema;
    }

    private static JsonObject Operation(ResourceDefinition definition, string action, JsonObject reference, string[]? requestTypes)
    {
        var parameters = new JsonArray(
            Parameter("dryRun"),
            Parameter("fieldManager"),
            Parameter("fieldValidation"));
        var operation = new JsonObject
        {
            ["operationId"] = $"{action}{definition.Kind}",
            ["parameters"] = parameters,
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject
                {
                    ["description"] = "OK",
                    ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = reference.DeepClone() } },
                },
            },
            ["x-kubernetes-action"] = action,
            ["x-kubernetes-group-version-kind"] = Gvk(definition),
        };
        if (requestTypes is not null)
        {
            var content = new JsonObject();
            foreach (var type in requestTypes)
            {
                content[type] = new JsonObject { ["schema"] = reference.DeepClone() };
            }

            operation["requestBody"] = new JsonObject { ["content"] = content, ["required"] = true };
        }

        return operation;
    }

    private static JsonObject Parameter(string name) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["description"] = name,
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };

    private static JsonObject Gvk(ResourceDefinition definition) => new()
    {
        ["group"] = definition.Group,
        ["kind"] = definition.Kind,
        ["version"] = definition.Version,
    };

    private static string Hash(string content) => Convert.ToHexString(SHA512.HashData(Encoding.UTF8.GetBytes(content)))[..64];
}
