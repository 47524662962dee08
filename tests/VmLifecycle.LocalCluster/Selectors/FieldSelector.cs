using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Resources;
using VmLifecycle.LocalCluster.Tables;

namespace VmLifecycle.LocalCluster.Selectors;

/// <summary>
/// A parsed <c>fieldSelector</c> (=, ==, !=) over metadata.name, metadata.namespace and the resource's own
/// selectable fields (e.g. involvedObject.uid for events, a CRD version's selectableFields).
/// </summary>
internal sealed class FieldSelector
{
    private readonly IReadOnlyList<(string Field, bool Equal, string Value)> _terms;

    private FieldSelector(IReadOnlyList<(string, bool, string)> terms)
    {
        _terms = terms;
    }

    public static FieldSelector Everything { get; } = new([]);

    public static FieldSelector Parse(string? text, ResourceDefinition definition)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var terms = new List<(string, bool, string)>();
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (field, equal, value) = Split(raw);
            if (field != "metadata.name" && field != "metadata.namespace" && !definition.SelectableFields.Contains(field))
            {
                var known = string.Join(", ", ((string[])["metadata.name", "metadata.namespace"]).Concat(definition.SelectableFields).Select(f => $"\"{f}\""));
                throw ApiStatus.BadRequest($"\"{field}\" is not a known field selector: only {known}");
            }

            terms.Add((field, equal, value));
        }

        return new FieldSelector(terms);
    }

    public bool Matches(JsonObject obj) => _terms.All(t =>
    {
        var found = SimpleJsonPath.Evaluate(obj, "." + t.Field);
        var actual = found.Count > 0 ? SimpleJsonPath.Text(found[0]) ?? "" : "";
        return (actual == t.Value) == t.Equal;
    });

    private static (string Field, bool Equal, string Value) Split(string term)
    {
        foreach (var (token, equal) in (ReadOnlySpan<(string, bool)>)[("!=", false), ("==", true), ("=", true)])
        {
            var index = term.IndexOf(token, StringComparison.Ordinal);
            if (index > 0)
            {
                return (term[..index].Trim(), equal, term[(index + token.Length)..].Trim());
            }
        }

        throw ApiStatus.BadRequest($"invalid selector: '{term}'; can't understand '{term}'");
    }
}
