namespace VmLifecycle.KubectlPlugin.Cli;

/// <summary>A command line split into positional arguments and flag values, in the order given.</summary>
internal sealed class ParsedArguments
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public List<string> Positionals { get; } = [];

    public IEnumerable<string> GivenFlags => _values.Keys;

    public void Add(FlagDefinition flag, string value)
    {
        if (!_values.TryGetValue(flag.Name, out var list))
        {
            list = [];
            _values[flag.Name] = list;
        }

        list.Add(value);
    }

    public bool Has(FlagDefinition flag) => _values.ContainsKey(flag.Name);

    /// <summary>The last value given (pflag semantics for scalar flags), or null.</summary>
    public string? Value(FlagDefinition flag) => _values.TryGetValue(flag.Name, out var list) ? list[^1] : null;

    /// <summary>Every value given, for repeatable flags such as --as-group.</summary>
    public IReadOnlyList<string> Values(FlagDefinition flag) => _values.TryGetValue(flag.Name, out var list) ? list : [];

    /// <summary>A switch's value: false when absent, the parsed value otherwise.</summary>
    public bool IsSet(FlagDefinition flag) => Value(flag) is { } value && bool.Parse(value);
}
