using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using VmLifecycle.ChartRender.Templates;

namespace VmLifecycle.ChartRender.Values;

/// <summary>
/// toYaml as helm writes it (sigs.k8s.io/yaml): block style, map keys sorted, list items at their key's indentation,
/// strings quoted only where YAML would read them as something else, multi-line strings as literal blocks.
/// </summary>
internal static partial class YamlWriter
{
    public static string Write(object? value)
    {
        var builder = new StringBuilder();
        WriteNode(builder, value, 0, atLineStart: true);
        return builder.ToString();
    }

    private static void WriteNode(StringBuilder builder, object? value, int indent, bool atLineStart)
    {
        switch (value)
        {
            case IDictionary<string, object?> { Count: > 0 } map:
                var first = true;
                foreach (var (key, item) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first || !atLineStart)
                    {
                        builder.Append(' ', indent);
                    }

                    first = false;
                    builder.Append(Scalar(key)).Append(':');
                    WriteValue(builder, item, indent, isListItem: false);
                }

                break;
            case IList<object?> { Count: > 0 } list:
                var firstItem = true;
                foreach (var item in list)
                {
                    if (!firstItem || !atLineStart)
                    {
                        builder.Append(' ', indent);
                    }

                    firstItem = false;
                    builder.Append('-');
                    WriteValue(builder, item, indent, isListItem: true);
                }

                break;
            default:
                builder.Append(Inline(value, indent)).Append('\n');
                break;
        }
    }

    private static void WriteValue(StringBuilder builder, object? item, int indent, bool isListItem)
    {
        switch (item)
        {
            case IDictionary<string, object?> { Count: > 0 }:
                if (isListItem)
                {
                    // "- key: value": the map's first key goes on the dash's line.
                    builder.Append(' ');
                    WriteNode(builder, item, indent + 2, atLineStart: true);
                }
                else
                {
                    builder.Append('\n');
                    WriteNode(builder, item, indent + 2, atLineStart: false);
                }

                break;
            case IList<object?> { Count: > 0 }:
                builder.Append('\n');
                WriteNode(builder, item, isListItem ? indent + 2 : indent, atLineStart: false);
                break;
            default:
                builder.Append(' ').Append(Inline(item, indent + 2)).Append('\n');
                break;
        }
    }

    private static string Inline(object? value, int indent) => value switch
    {
        null => "null",
        IDictionary<string, object?> => "{}",
        IEnumerable and not string => "[]",
        string s when s.Contains('\n', StringComparison.Ordinal) => LiteralBlock(s, indent),
        string s => Scalar(s),
        _ => GoValues.Print(value),
    };

    private static string LiteralBlock(string text, int indent)
    {
        var pad = new string(' ', indent);
        var chomping = text.EndsWith('\n') ? "" : "-";
        var lines = text.TrimEnd('\n').Split('\n');
        return "|" + chomping + "\n" + string.Join('\n', lines.Select(line => line.Length == 0 ? "" : pad + line));
    }

    private static string Scalar(string text) =>
        text.Length == 0 || NeedsQuotes().IsMatch(text) || LooksLikeOtherType(text) ? GoValues.Quote(text) : text;

    private static bool LooksLikeOtherType(string text) =>
        text is "true" or "false" or "yes" or "no" or "on" or "off" or "null" or "~" or "y" or "n"
            or "True" or "False" or "Yes" or "No" or "On" or "Off" or "NULL" or "Null" or "TRUE" or "FALSE"
        || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    [GeneratedRegex(@"^[\s\-?:,\[\]{}#&*!|>'""%@`]|[:#]\s|\s$|:$|[\x00-\x1f]")]
    private static partial Regex NeedsQuotes();
}
