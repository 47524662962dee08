using System.Text;
using VmLifecycle.ChartRender.Certificates;
using VmLifecycle.ChartRender.Values;

namespace VmLifecycle.ChartRender.Templates;

/// <summary>
/// The functions of text/template, Sprig and helm that the chart uses, with their argument order (the piped value is
/// the last argument). <c>lookup</c> finds nothing, as in <c>helm template</c>; <c>include</c> and <c>and</c>/<c>or</c>
/// live in <see cref="TemplateExecution"/>.
/// </summary>
internal sealed class TemplateFunctions
{
    private readonly Dictionary<string, Func<IReadOnlyList<object?>, object?>> _functions;

    public TemplateFunctions(CertificateGenerator certificates)
    {
        _functions = new(StringComparer.Ordinal)
        {
            ["default"] = a => GoValues.IsEmpty(Argument(a, 1, 2, "default")) ? a[0] : a[1],
            ["required"] = a => Argument(a, 1, 2, "required") is null or string { Length: 0 } ? throw new TemplateException(GoValues.Print(a[0])) : a[1],
            ["fail"] = a => throw new TemplateException(GoValues.Print(a.Count > 0 ? a[0] : "")),
            ["quote"] = a => string.Join(' ', a.Where(v => v is not null).Select(v => GoValues.Quote(GoValues.Print(v)))),
            ["squote"] = a => string.Join(' ', a.Where(v => v is not null).Select(v => $"'{GoValues.Print(v)}'")),
            ["indent"] = a => Indent(Integer(a, 0), Text(a, 1)),
            ["nindent"] = a => "\n" + Indent(Integer(a, 0), Text(a, 1)),
            ["toYaml"] = a => YamlWriter.Write(a.Count > 0 ? a[0] : null).TrimEnd('\n'),
            ["b64enc"] = a => Convert.ToBase64String(Encoding.UTF8.GetBytes(Text(a, 0))),
            ["b64dec"] = a => Encoding.UTF8.GetString(Convert.FromBase64String(Text(a, 0))),
            ["trunc"] = a => Truncate(Integer(a, 0), Text(a, 1)),
            ["trimSuffix"] = a => Text(a, 1).EndsWith(Text(a, 0), StringComparison.Ordinal) ? Text(a, 1)[..^Text(a, 0).Length] : Text(a, 1),
            ["trimPrefix"] = a => Text(a, 1).StartsWith(Text(a, 0), StringComparison.Ordinal) ? Text(a, 1)[Text(a, 0).Length..] : Text(a, 1),
            ["contains"] = a => Text(a, 1).Contains(Text(a, 0), StringComparison.Ordinal),
            ["replace"] = a => Text(a, 2).Replace(Text(a, 0), Text(a, 1), StringComparison.Ordinal),
            ["lower"] = a => Text(a, 0).ToLowerInvariant(),
            ["upper"] = a => Text(a, 0).ToUpperInvariant(),
            ["toString"] = a => Text(a, 0),
            ["printf"] = a => GoFormat.Sprintf(Text(a, 0), a.Skip(1).ToList()),
            ["print"] = a => string.Concat(a.Select(GoValues.Print)),
            ["int"] = a => GoValues.ToInteger(a.Count > 0 ? a[0] : null),
            ["eq"] = a => a.Count >= 2 ? a.Skip(1).Any(v => GoValues.AreEqual(a[0], v)) : throw new TemplateException("missing argument for comparison"),
            ["ne"] = a => !GoValues.AreEqual(Argument(a, 0, 2, "ne"), a[1]),
            ["not"] = a => !GoValues.IsTrue(Argument(a, 0, 1, "not")),
            ["empty"] = a => GoValues.IsEmpty(a.Count > 0 ? a[0] : null),
            ["len"] = a => (long)(a[0] switch
            {
                string s => s.Length,
                System.Collections.ICollection c => c.Count,
                _ => throw new TemplateException("len of unsupported type"),
            }),
            ["list"] = a => a.ToList(),
            ["dict"] = Dict,
            ["hasKey"] = a => a[0] is IDictionary<string, object?> map && map.ContainsKey(Text(a, 1)),
            ["index"] = Index,
            ["lookup"] = _ => new Dictionary<string, object?>(StringComparer.Ordinal),
            ["genCA"] = a => certificates.GenerateCertificateAuthority(Text(a, 0), Integer(a, 1)),
            ["genSignedCert"] = a => certificates.GenerateSignedCertificate(Text(a, 0), Strings(a[1]), Strings(a[2]), Integer(a, 3), a[4]),
            ["genPrivateKey"] = a => CertificateGenerator.GeneratePrivateKey(Text(a, 0)),
        };
    }

    public object? Call(string name, IReadOnlyList<object?> arguments) =>
        _functions.TryGetValue(name, out var function)
            ? function(arguments)
            : throw new TemplateException($"function \"{name}\" not defined");

    // One argument of a function that takes exactly `count`.
    private static object? Argument(IReadOnlyList<object?> arguments, int index, int count, string name) =>
        arguments.Count == count ? arguments[index] : throw new TemplateException($"wrong number of args for {name}: want {count} got {arguments.Count}");

    private static string Text(IReadOnlyList<object?> arguments, int index) =>
        index < arguments.Count ? GoValues.Print(arguments[index]) : throw new TemplateException("missing argument");

    private static int Integer(IReadOnlyList<object?> arguments, int index) =>
        index < arguments.Count ? (int)GoValues.ToInteger(arguments[index]) : throw new TemplateException("missing argument");

    private static List<string> Strings(object? value) => value switch
    {
        null => [],
        IEnumerable<object?> items => items.Select(GoValues.Print).ToList(),
        _ => throw new TemplateException("expected a list"),
    };

    // Sprig pads every line, empty ones included.
    private static string Indent(int spaces, string text)
    {
        var pad = new string(' ', spaces);
        return pad + text.Replace("\n", "\n" + pad, StringComparison.Ordinal);
    }

    private static string Truncate(int length, string text) => length switch
    {
        < 0 => text.Length + length > 0 ? text[(text.Length + length)..] : text,
        _ => text.Length > length ? text[..length] : text,
    };

    private static Dictionary<string, object?> Dict(IReadOnlyList<object?> arguments)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < arguments.Count; i += 2)
        {
            map[GoValues.Print(arguments[i])] = arguments[i + 1];
        }

        return map;
    }

    private static object? Index(IReadOnlyList<object?> arguments)
    {
        var value = arguments.Count > 0 ? arguments[0] : throw new TemplateException("missing argument");
        foreach (var key in arguments.Skip(1))
        {
            value = value switch
            {
                IDictionary<string, object?> map => map.TryGetValue(GoValues.Print(key), out var found) ? found : null,
                IList<object?> list => list[(int)GoValues.ToInteger(key)],
                null => throw new TemplateException("index of untyped nil"),
                _ => throw new TemplateException($"can't index item of type {value.GetType().Name}"),
            };
        }

        return value;
    }
}
