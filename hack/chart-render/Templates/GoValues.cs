using System.Collections;
using System.Globalization;
using System.Text;

namespace VmLifecycle.ChartRender.Templates;

/// <summary>
/// How text/template treats the values of a chart (maps, lists, strings, longs, doubles, bools, nil): truth, printing
/// and equality. Maps are <c>IDictionary&lt;string, object?&gt;</c> and lists <c>IList&lt;object?&gt;</c>.
/// </summary>
internal static class GoValues
{
    /// <summary>text/template's truth: false, 0, nil and empty strings, maps and lists are false.</summary>
    public static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        long l => l != 0,
        int i => i != 0,
        double d => d != 0,
        ICollection c => c.Count > 0,
        IDictionary<string, object?> m => m.Count > 0,
        _ => true,
    };

    /// <summary>fmt's %v; nil prints nothing (helm replaces "&lt;no value&gt;" with "").</summary>
    public static string Print(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        double d => FormatDouble(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IDictionary<string, object?> m => "map[" + string.Join(' ', m.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{Print(p.Value)}")) + "]",
        IEnumerable e => "[" + string.Join(' ', e.Cast<object?>().Select(Print)) + "]",
        _ => value.ToString() ?? "",
    };

    /// <summary>fmt's %q: a double-quoted Go string literal.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    /// <summary><c>eq</c>: numbers compare by value whatever their type; other values by equality.</summary>
    public static bool AreEqual(object? left, object? right)
    {
        if (IsNumber(left) && IsNumber(right))
        {
            return Convert.ToDouble(left, CultureInfo.InvariantCulture) == Convert.ToDouble(right, CultureInfo.InvariantCulture);
        }

        return Equals(left, right);
    }

    public static bool IsNumber(object? value) => value is long or int or double;

    public static long ToInteger(object? value) => value switch
    {
        null => 0,
        long l => l,
        int i => i,
        double d => (long)d,
        bool b => b ? 1 : 0,
        string s => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0,
        _ => throw new TemplateException($"cannot convert {value.GetType().Name} to int"),
    };

    /// <summary>Sprig's empty: the zero value of its type.</summary>
    public static bool IsEmpty(object? value) => !IsTrue(value);

    private static string FormatDouble(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e21
            ? value.ToString("0", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
}
