using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>
/// Converts the first YAML document to JSON with YAML 1.2 core-schema typing of plain scalars (null, booleans, numbers),
/// as sigs.k8s.io/yaml does before it decodes the JSON. Aliases are expanded with a node budget, so an alias bomb is a
/// decoding error instead of an exhausted server; nesting is limited (checked on the parser's events before YamlDotNet
/// builds its recursive node tree, and again while expanding, since an alias may refer to its own enclosing node), so
/// a deep or cyclic document is a decoding error instead of a stack overflow that would end the process.
/// </summary>
internal static partial class YamlToJson
{
    private const int NodeBudget = 100_000;

    /// <summary>Deeper than any option body, and than System.Text.Json's default of 64 that JSON bodies meet.</summary>
    public const int MaxDepth = 64;

    /// <returns>The JSON of the first document, or null when the text holds no document.</returns>
    /// <exception cref="YamlException">The text is not YAML, or expands beyond the node budget.</exception>
    public static JsonNode? Convert(string yaml, out bool empty)
    {
        CheckDepth(yaml);
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        empty = stream.Documents.Count == 0;
        if (empty)
        {
            return null;
        }

        var budget = NodeBudget;
        return Node(stream.Documents[0].RootNode, 1, ref budget);
    }

    private static void CheckDepth(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            if (parser.Current is SequenceStart or MappingStart && ++depth > MaxDepth)
            {
                throw TooDeep(parser.Current.Start, parser.Current.End);
            }

            if (parser.Current is SequenceEnd or MappingEnd)
            {
                depth--;
            }
        }
    }

    private static YamlException TooDeep(Mark start, Mark end) => new(start, end, "document too deeply nested: more than " + MaxDepth + " levels");

    private static JsonNode? Node(YamlNode node, int depth, ref int budget)
    {
        if (--budget < 0)
        {
            throw new YamlException(node.Start, node.End, "document too large: more than " + NodeBudget + " nodes");
        }

        if (depth > MaxDepth)
        {
            throw TooDeep(node.Start, node.End);
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                var jsonObject = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                    {
                        throw new YamlException(key.Start, key.End, "mapping keys must be strings");
                    }

                    jsonObject[name] = Node(value, depth + 1, ref budget);
                }

                return jsonObject;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    array.Add(Node(item, depth + 1, ref budget));
                }

                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                throw new YamlException(node.Start, node.End, "unsupported YAML node");
        }
    }

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain and not ScalarStyle.Any)
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }

        if (text is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }

        if (Integer().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (Float().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }

    [GeneratedRegex("^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Float();
}
