using System.Text.Json.Nodes;
using k8s;

namespace VmLifecycle.Aggregator.Kubernetes;

/// <summary>An RFC 6902 JSON patch under construction; values are written with Kubernetes' JSON conventions.</summary>
internal sealed class JsonPatch
{
    private readonly List<JsonObject> _operations = [];

    public IReadOnlyList<JsonObject> Operations => _operations;

    public JsonPatch Test(string path, JsonNode? value) => Operation("test", path, value);

    public JsonPatch Add(string path, JsonNode? value) => Operation("add", path, value);

    public JsonPatch Replace(string path, JsonNode? value) => Operation("replace", path, value);

    public JsonPatch Remove(string path)
    {
        _operations.Add(new JsonObject { ["op"] = "remove", ["path"] = path });
        return this;
    }

    /// <summary>A value as Kubernetes JSON (null stays the JSON literal null, as Go marshals a nil pointer or slice).</summary>
    public static JsonNode? Value<T>(T value) => value is null ? null : JsonNode.Parse(KubernetesJson.Serialize(value));

    public string ToJson() => new JsonArray(_operations.Select(operation => (JsonNode)operation.DeepClone()).ToArray()).ToJsonString();

    public override string ToString() => ToJson();

    private JsonPatch Operation(string op, string path, JsonNode? value)
    {
        _operations.Add(new JsonObject { ["op"] = op, ["path"] = path, ["value"] = value?.DeepClone() });
        return this;
    }
}
