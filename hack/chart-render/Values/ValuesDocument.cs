using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace VmLifecycle.ChartRender.Values;

/// <summary>
/// Chart values as templates see them: maps (<c>Dictionary&lt;string, object?&gt;</c>), lists, strings, longs,
/// doubles, bools and nil, read from YAML with the core schema (plain scalars may be bools, numbers or null; quoted
/// ones are strings), merged as helm merges value files, and changed by <c>--set</c>/<c>--set-file</c>.
/// </summary>
internal static class ValuesDocument
{
    public static Dictionary<string, object?> Parse(string yaml)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
        {
            stream.Load(reader);
        }

        return stream.Documents.Count == 0
            ? new Dictionary<string, object?>(StringComparer.Ordinal)
            : Convert(stream.Documents[0].RootNode) as Dictionary<string, object?> ?? new Dictionary<string, object?>(StringComparer.Ordinal);
    }

    /// <summary>Deep merge: maps merge key by key, anything else in <paramref name="overrides"/> replaces; nil removes.</summary>
    public static void Merge(Dictionary<string, object?> target, IDictionary<string, object?> overrides)
    {
        foreach (var (key, value) in overrides)
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is IDictionary<string, object?> map && target.GetValueOrDefault(key) is Dictionary<string, object?> existing)
            {
                Merge(existing, map);
            }
            else
            {
                target[key] = value;
            }
        }
    }

    /// <summary><c>--set a.b.c=value</c> (commas separate several; <c>\,</c> is a comma): value typed as helm does.</summary>
    public static void Set(Dictionary<string, object?> target, string assignments)
    {
        foreach (var assignment in SplitUnescaped(assignments))
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"--set: key \"{assignment}\" has no value");
            }

            SetString(target, assignment[..equals], TypedScalar(assignment[(equals + 1)..]));
        }
    }

    /// <summary>Sets one dotted key to a value as it is (<c>--set-file</c>, <c>--set-string</c>).</summary>
    public static void SetString(Dictionary<string, object?> target, string key, object? value)
    {
        var parts = key.Split('.');
        var map = target;
        foreach (var part in parts[..^1])
        {
            if (map.GetValueOrDefault(part) is not Dictionary<string, object?> child)
            {
                child = new Dictionary<string, object?>(StringComparer.Ordinal);
                map[part] = child;
            }

            map = child;
        }

        map[parts[^1]] = value;
    }

    private static object? TypedScalar(string text) => text switch
    {
        "true" => true,
        "false" => false,
        "null" => null,
        // helm keeps "007" a string: a leading zero is not an integer.
        _ when (text == "0" || !text.StartsWith('0')) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => integer,
        _ => text,
    };

    private static IEnumerable<string> SplitUnescaped(string text)
    {
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == ',')
            {
                current.Append(',');
                i++;
            }
            else if (text[i] == ',')
            {
                yield return current.ToString();
                current.Clear();
            }
            else
            {
                current.Append(text[i]);
            }
        }

        yield return current.ToString();
    }

    private static object? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => mapping.Children.ToDictionary(
            pair => ((YamlScalarNode)pair.Key).Value ?? "", pair => Convert(pair.Value), StringComparer.Ordinal),
        YamlSequenceNode sequence => sequence.Children.Select(Convert).ToList(),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static object? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not YamlDotNet.Core.ScalarStyle.Plain)
        {
            return text;
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => integer,
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) => real,
            _ => text,
        };
    }
}
