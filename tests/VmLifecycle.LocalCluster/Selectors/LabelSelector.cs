using VmLifecycle.LocalCluster.Errors;

namespace VmLifecycle.LocalCluster.Selectors;

/// <summary>A parsed <c>labelSelector</c> (=, ==, !=, in, notin, exists, !exists); all requirements must hold.</summary>
internal sealed class LabelSelector
{
    private readonly IReadOnlyList<LabelRequirement> _requirements;

    private LabelSelector(IReadOnlyList<LabelRequirement> requirements)
    {
        _requirements = requirements;
    }

    public static LabelSelector Everything { get; } = new([]);

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.All(r => r.Matches(labels));

    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<LabelRequirement>();
        foreach (var term in SplitTerms(text))
        {
            requirements.Add(ParseTerm(term.Trim()));
        }

        return new LabelSelector(requirements);
    }

    private static IEnumerable<string> SplitTerms(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return text[start..i];
                    start = i + 1;
                    break;
            }
        }

        yield return text[start..];
    }

    private static LabelRequirement ParseTerm(string term)
    {
        if (term.Length == 0)
        {
            throw ApiStatus.BadRequest("unable to parse requirement: found '', expected: identifier");
        }

        if (term.StartsWith('!'))
        {
            return new LabelRequirement(Key(term[1..]), LabelOperator.DoesNotExist, []);
        }

        foreach (var (token, op) in (ReadOnlySpan<(string, LabelOperator)>)[(" notin ", LabelOperator.NotIn), (" in ", LabelOperator.In)])
        {
            var index = term.IndexOf(token, StringComparison.Ordinal);
            if (index > 0)
            {
                var values = term[(index + token.Length)..].Trim();
                if (!values.StartsWith('(') || !values.EndsWith(')'))
                {
                    throw ApiStatus.BadRequest($"unable to parse requirement: found '{values}', expected: '('");
                }

                var set = values[1..^1].Split(',', StringSplitOptions.TrimEntries).Where(v => v.Length > 0).ToList();
                return new LabelRequirement(Key(term[..index]), op, set);
            }
        }

        foreach (var (token, op) in (ReadOnlySpan<(string, LabelOperator)>)[("!=", LabelOperator.NotEquals), ("==", LabelOperator.Equals), ("=", LabelOperator.Equals)])
        {
            var index = term.IndexOf(token, StringComparison.Ordinal);
            if (index > 0)
            {
                return new LabelRequirement(Key(term[..index]), op, [term[(index + token.Length)..].Trim()]);
            }
        }

        return new LabelRequirement(Key(term), LabelOperator.Exists, []);
    }

    private static string Key(string key)
    {
        var trimmed = key.Trim();
        if (trimmed.Length == 0 || trimmed.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')))
        {
            throw ApiStatus.BadRequest($"unable to parse requirement: invalid label key \"{trimmed}\"");
        }

        return trimmed;
    }
}
