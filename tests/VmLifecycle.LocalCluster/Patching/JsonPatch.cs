using System.Globalization;
using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Errors;

namespace VmLifecycle.LocalCluster.Patching;

/// <summary>
/// RFC 6902 JSON patch (add, remove, replace, move, copy, test). A malformed patch is a 400; an operation
/// that does not apply (a failed test, a missing path) is a 422, as kube-apiserver reports evanphx/json-patch errors.
/// </summary>
internal static class JsonPatch
{
    public static JsonObject Apply(JsonObject target, JsonArray operations)
    {
        JsonNode document = target.DeepClone();
        foreach (var node in operations)
        {
            if (node is not JsonObject operation)
            {
                throw ApiStatus.BadRequest("json: cannot unmarshal into Go value of type jsonpatch.Operation");
            }

            var op = Text(operation, "op");
            var path = Text(operation, "path");
            switch (op)
            {
                case "add":
                    document = Add(document, path, Value(operation));
                    break;
                case "remove":
                    document = Remove(document, path, op);
                    break;
                case "replace":
                    Resolve(document, path, op, mustExist: true);
                    document = Add(Remove(document, path, op), path, Value(operation));
                    break;
                case "move":
                    {
                        var from = Text(operation, "from");
                        var value = Resolve(document, from, op, mustExist: true)?.DeepClone();
                        document = Add(Remove(document, from, op), path, value);
                        break;
                    }

                case "copy":
                    {
                        var from = Text(operation, "from");
                        document = Add(document, path, Resolve(document, from, op, mustExist: true)?.DeepClone());
                        break;
                    }

                case "test":
                    {
                        var actual = Resolve(document, path, op, mustExist: false);
                        if (!JsonNode.DeepEquals(actual, Value(operation)))
                        {
                            throw ApiStatus.UnprocessableEntity($"testing value {path} failed: test failed");
                        }

                        break;
                    }

                default:
                    throw ApiStatus.BadRequest($"Unexpected kind: {op}");
            }
        }

        return document as JsonObject ?? throw ApiStatus.UnprocessableEntity("the patched document is not an object");
    }

    private static string Text(JsonObject operation, string field) =>
        operation[field] is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw ApiStatus.BadRequest($"json patch operation is missing \"{field}\"");

    private static JsonNode? Value(JsonObject operation) =>
        operation.TryGetPropertyValue("value", out var value) ? value?.DeepClone() : throw ApiStatus.BadRequest("json patch operation is missing \"value\"");

    private static List<string> Tokens(string path)
    {
        if (path.Length == 0)
        {
            return [];
        }

        if (!path.StartsWith('/'))
        {
            throw ApiStatus.BadRequest($"invalid JSON pointer: {path}");
        }

        return [.. path[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
    }

    private static JsonNode? Resolve(JsonNode document, string path, string op, bool mustExist)
    {
        JsonNode? current = document;
        foreach (var token in Tokens(path))
        {
            current = current switch
            {
                JsonObject obj when obj.TryGetPropertyValue(token, out var child) => child,
                JsonArray array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                _ => mustExist ? throw Missing(op, path) : null,
            };
            if (current is null && !mustExist)
            {
                return null;
            }
        }

        return current;
    }

    private static JsonNode Add(JsonNode document, string path, JsonNode? value)
    {
        var tokens = Tokens(path);
        if (tokens.Count == 0)
        {
            return value ?? throw ApiStatus.UnprocessableEntity("cannot replace the document with null");
        }

        var parent = Resolve(document, ParentPath(tokens), "add", mustExist: true);
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array when last == "-":
                array.Add(value);
                break;
            case JsonArray array when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index <= array.Count:
                array.Insert(index, value);
                break;
            default:
                throw Missing("add", path);
        }

        return document;
    }

    private static JsonNode Remove(JsonNode document, string path, string op)
    {
        var tokens = Tokens(path);
        if (tokens.Count == 0)
        {
            throw ApiStatus.UnprocessableEntity($"{op} operation does not apply: doc is missing path: \"{path}\"");
        }

        var parent = Resolve(document, ParentPath(tokens), op, mustExist: true);
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(last):
                obj.Remove(last);
                break;
            case JsonArray array when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count:
                array.RemoveAt(index);
                break;
            default:
                throw Missing(op, path);
        }

        return document;
    }

    private static string ParentPath(List<string> tokens) =>
        tokens.Count == 1 ? "" : "/" + string.Join('/', tokens[..^1].Select(Escape));

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static StatusException Missing(string op, string path) =>
        ApiStatus.UnprocessableEntity($"{op} operation does not apply: doc is missing path: \"{path}\"");
}
