using System.Text.Json;
using System.Text.Json.Nodes;

namespace VmLifecycle.Api.Tests.Serialization;

/// <summary>Compares JSON documents by meaning (member order ignored), naming the first difference.</summary>
internal static class JsonAssert
{
    private static readonly JsonSerializerOptions _indented = new() { WriteIndented = true };

    public static void Equivalent(string expected, string actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        var actualNode = JsonNode.Parse(actual);
        if (FirstDifference(expectedNode, actualNode, "$") is { } difference)
        {
            Assert.Fail($"JSON differs at {difference}.\nExpected:\n{expectedNode?.ToJsonString(_indented)}\nActual:\n{actualNode?.ToJsonString(_indented)}");
        }
    }

    private static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (JsonObject expectedObject, JsonObject actualObject):
                foreach (var (name, value) in expectedObject)
                {
                    if (!actualObject.ContainsKey(name))
                    {
                        return $"{path}.{name} (missing)";
                    }

                    if (FirstDifference(value, actualObject[name], $"{path}.{name}") is { } inner)
                    {
                        return inner;
                    }
                }

                return actualObject.Select(member => member.Key).FirstOrDefault(name => !expectedObject.ContainsKey(name)) is { } extra
                    ? $"{path}.{extra} (unexpected)"
                    : null;
            case (JsonArray expectedArray, JsonArray actualArray):
                if (expectedArray.Count != actualArray.Count)
                {
                    return $"{path} (length {actualArray.Count} instead of {expectedArray.Count})";
                }

                for (var i = 0; i < expectedArray.Count; i++)
                {
                    if (FirstDifference(expectedArray[i], actualArray[i], $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return JsonNode.DeepEquals(expected, actual) ? null : $"{path} ({actual?.ToJsonString() ?? "null"} instead of {expected?.ToJsonString() ?? "null"})";
        }
    }
}
