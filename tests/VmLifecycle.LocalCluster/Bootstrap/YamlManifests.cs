using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VmLifecycle.LocalCluster.Bootstrap;

/// <summary>Reads multi-document YAML (or JSON) manifests into JSON objects, resolving plain scalars as YAML 1.2's core schema does.</summary>
internal static partial class YamlManifests
{
    public static IReadOnlyList<JsonObject> Read(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var documents = new List<JsonObject>();
        foreach (var document in stream.Documents)
        {
            if (ToJson(document.RootNode) is JsonObject obj)
            {
                if (obj["kind"]?.GetValue<string>() is { } kind && kind.EndsWith("List", StringComparison.Ordinal) && obj["items"] is JsonArray items)
                {
                    documents.AddRange(items.OfType<JsonObject>().Select(i => (JsonObject)i.DeepClone()));
                }
                else
                {
                    documents.Add(obj);
                }
            }
        }

        return documents;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair =>
            KeyValuePair.Create(((YamlScalarNode)pair.Key).Value ?? "", ToJson(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (value is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }

        if (value is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }

        if (Integer().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (Float().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(value);
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
