namespace VmLifecycle.ChartRender.Tests.TestSupport;

/// <summary>One rendered object, navigable by dotted paths ("spec.service.port", "rules.0.verbs").</summary>
internal sealed record Manifest(string Source, Dictionary<object, object?> Object)
{
    public string Kind => Text("kind");

    public string Name => Text("metadata.name");

    public string? Namespace => Get("metadata.namespace") as string;

    /// <summary>Keys may contain dots ("ca.crt", label names): at each level the longest matching key wins.</summary>
    public object? Get(string path) => Get(Object, path.Split('.'));

    private static object? Get(object? current, ReadOnlySpan<string> parts)
    {
        if (parts.IsEmpty)
        {
            return current;
        }

        switch (current)
        {
            case Dictionary<object, object?> map:
                for (var length = parts.Length; length > 0; length--)
                {
                    if (map.TryGetValue(string.Join('.', parts[..length].ToArray()), out var value))
                    {
                        return Get(value, parts[length..]);
                    }
                }

                return null;
            case List<object?> list when int.TryParse(parts[0], out var index):
                return index < list.Count ? Get(list[index], parts[1..]) : null;
            default:
                return null;
        }
    }

    public string Text(string path) => Get(path) as string ?? throw new KeyNotFoundException($"{Source}: no text at {path}");

    public IReadOnlyList<object?> List(string path) => Get(path) as List<object?> ?? [];

    public IReadOnlyList<string> Strings(string path) => List(path).Select(item => item as string ?? "").ToList();

    /// <summary>RBAC rules as (apiGroup, resource, verb) triples, so tests compare grants rather than layouts.</summary>
    public ISet<(string Group, string Resource, string Verb)> Grants()
    {
        var grants = new HashSet<(string, string, string)>();
        foreach (var rule in List("rules").OfType<Dictionary<object, object?>>())
        {
            var rm = new Manifest(Source, rule);
            foreach (var group in rm.Strings("apiGroups"))
            {
                foreach (var resource in rm.Strings("resources"))
                {
                    foreach (var verb in rm.Strings("verbs"))
                    {
                        grants.Add((group, resource, verb));
                    }
                }
            }
        }

        return grants;
    }
}
