using System.Globalization;
using System.Text;

namespace VmLifecycle.ChartRender.Templates;

/// <summary>fmt.Sprintf for the verbs charts use: %s, %v, %d, %q and %%.</summary>
internal static class GoFormat
{
    public static string Sprintf(string format, IReadOnlyList<object?> arguments)
    {
        var builder = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 >= format.Length)
            {
                builder.Append(format[i]);
                continue;
            }

            var verb = format[++i];
            if (verb == '%')
            {
                builder.Append('%');
                continue;
            }

            if (next >= arguments.Count)
            {
                builder.Append(CultureInfo.InvariantCulture, $"%!{verb}(MISSING)");
                continue;
            }

            var argument = arguments[next++];
            builder.Append(verb switch
            {
                's' or 'v' or 'd' => GoValues.Print(argument),
                'q' => GoValues.Quote(GoValues.Print(argument)),
                _ => throw new TemplateException($"printf verb %{verb} is not supported by chart-render"),
            });
        }

        return builder.ToString();
    }
}
