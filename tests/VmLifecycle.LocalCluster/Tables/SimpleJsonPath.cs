using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VmLifecycle.LocalCluster.Tables;

/// <summary>
/// The simple JSONPath of printer columns: <c>.a.b</c>, <c>[0]</c>, <c>[*]</c>, <c>['key']</c> and filters
/// <c>[?(@.type=='Ready')]</c> (== and !=). Returns every match, in document order.
/// </summary>
internal static class SimpleJsonPath
{
    public static IReadOnlyList<JsonNode?> Evaluate(JsonNode? root, string path)
    {
        var expression = path.Trim();
        if (expression.StartsWith('{') && expression.EndsWith('}'))
        {
            expression = expression[1..^1];
        }

        if (expression.StartsWith('$'))
        {
            expression = expression[1..];
        }

        List<JsonNode?> current = [root];
        var position = 0;
        while (position < expression.Length && current.Count > 0)
        {
            if (expression[position] == '.')
            {
                var end = position + 1;
                while (end < expression.Length && expression[end] != '.' && expression[end] != '[')
                {
                    end++;
                }

                var name = expression[(position + 1)..end];
                current = [.. current.OfType<JsonObject>().Where(o => o.ContainsKey(name)).Select(o => o[name])];
                position = end;
            }
            else if (expression[position] == '[')
            {
                var end = FindClosingBracket(expression, position);
                current = Subscript(current, expression[(position + 1)..end]);
                position = end + 1;
            }
            else
            {
                return [];
            }
        }

        return current;
    }

    private static int FindClosingBracket(string expression, int open)
    {
        var depth = 0;
        char? quote = null;
        for (var i = open; i < expression.Length; i++)
        {
            var c = expression[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']' && --depth == 0)
            {
                return i;
            }
        }

        return expression.Length - 1;
    }

    private static List<JsonNode?> Subscript(IReadOnlyList<JsonNode?> nodes, string inner)
    {
        var results = new List<JsonNode?>();
        var text = inner.Trim();
        foreach (var node in nodes)
        {
            if (text == "*")
            {
                results.AddRange(node switch { JsonArray a => a, JsonObject o => o.Select(p => p.Value), _ => [] });
            }
            else if (text.StartsWith("?(", StringComparison.Ordinal) && text.EndsWith(')') && node is JsonArray filtered)
            {
                var condition = text[2..^1];
                results.AddRange(filtered.Where(item => Matches(item, condition)));
            }
            else if (text.Length > 1 && text[0] is '\'' or '"')
            {
                var key = text[1..^1];
                if (node is JsonObject o && o.ContainsKey(key))
                {
                    results.Add(o[key]);
                }
            }
            else if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index) && node is JsonArray array)
            {
                var actual = index < 0 ? array.Count + index : index;
                if (actual >= 0 && actual < array.Count)
                {
                    results.Add(array[actual]);
                }
            }
        }

        return results;
    }

    private static bool Matches(JsonNode? item, string condition)
    {
        var equal = condition.Contains("==", StringComparison.Ordinal);
        var separator = equal ? "==" : "!=";
        var parts = condition.Split(separator, 2);
        if (parts.Length != 2)
        {
            return Evaluate(item, parts[0].Trim().TrimStart('@')).Count > 0;
        }

        var left = Evaluate(item, parts[0].Trim().TrimStart('@'));
        var literal = parts[1].Trim();
        var expected = literal.Length > 1 && literal[0] is '\'' or '"' ? literal[1..^1] : literal;
        var actual = left.Count > 0 ? Text(left[0]) : null;
        return equal ? actual == expected : actual != expected;
    }

    /// <summary>A matched value as text: strings bare, everything else as JSON.</summary>
    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
