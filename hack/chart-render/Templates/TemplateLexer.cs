namespace VmLifecycle.ChartRender.Templates;

/// <summary>A piece of a template: literal text, or the inside of one <c>{{ }}</c> action with its line.</summary>
internal readonly record struct Segment(bool IsAction, string Text, int Line);

/// <summary>
/// Splits a template into text and actions, applying text/template's whitespace trimming: <c>{{- </c> removes the
/// white space before the action, <c> -}}</c> the white space after it. Comments (<c>/* */</c>) are dropped.
/// </summary>
internal static class TemplateLexer
{
    public static IReadOnlyList<Segment> Split(string template, string name)
    {
        var segments = new List<Segment>();
        var position = 0;
        var trimNextText = false;
        while (position < template.Length)
        {
            var open = template.IndexOf("{{", position, StringComparison.Ordinal);
            var text = open < 0 ? template[position..] : template[position..open];
            if (trimNextText)
            {
                text = text.TrimStart(' ', '\t', '\r', '\n');
            }

            if (open < 0)
            {
                AddText(segments, text, template, position);
                break;
            }

            var start = open + 2;
            if (IsTrimMarker(template, start))
            {
                text = text.TrimEnd(' ', '\t', '\r', '\n');
                start += 1;
            }

            AddText(segments, text, template, position);
            var close = FindClose(template, start, name);
            var end = close;
            trimNextText = close - 2 >= start && template[close - 1] == '-' && IsSpace(template[close - 2]);
            if (trimNextText)
            {
                end -= 1;
            }

            var action = template[start..end].Trim();
            if (!(action.StartsWith("/*", StringComparison.Ordinal) && action.EndsWith("*/", StringComparison.Ordinal)))
            {
                segments.Add(new Segment(true, action, LineOf(template, open)));
            }

            position = close + 2;
        }

        return segments;
    }

    private static void AddText(List<Segment> segments, string text, string template, int position)
    {
        if (text.Length > 0)
        {
            segments.Add(new Segment(false, text, LineOf(template, position)));
        }
    }

    // "{{- " trims only when the dash is followed by white space ("{{-3}}" is the number -3).
    private static bool IsTrimMarker(string template, int index) =>
        index + 1 < template.Length && template[index] == '-' && IsSpace(template[index + 1]);

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static int FindClose(string template, int index, string name)
    {
        var i = index;
        while (i < template.Length - 1)
        {
            var c = template[i];
            if (c is '"' or '`' or '\'')
            {
                i = SkipQuoted(template, i, c);
                continue;
            }

            if (c == '/' && template[i + 1] == '*')
            {
                var endComment = template.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = endComment < 0 ? template.Length : endComment + 2;
                continue;
            }

            if (c == '}' && template[i + 1] == '}')
            {
                return i;
            }

            i++;
        }

        throw new TemplateException($"template: {name}:{LineOf(template, index)}: unclosed action");
    }

    private static int SkipQuoted(string template, int index, char quote)
    {
        var i = index + 1;
        while (i < template.Length && template[i] != quote)
        {
            i += quote != '`' && template[i] == '\\' ? 2 : 1;
        }

        return i + 1;
    }

    private static int LineOf(string template, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < template.Length; i++)
        {
            if (template[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }
}
