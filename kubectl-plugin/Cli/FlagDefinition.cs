namespace VmLifecycle.KubectlPlugin.Cli;

/// <summary>A flag the command line knows: its long name, optional one-letter alias, value kind and help line.</summary>
internal sealed record FlagDefinition(string Name, char? Shorthand, FlagKind Kind, string Help, string? ValueName = null)
{
    /// <summary>The flag as the help text shows it, for example <c>-n, --namespace string</c>.</summary>
    public string Synopsis =>
        (Shorthand is { } s ? $"-{s}, " : "    ") + "--" + Name + Kind switch
        {
            FlagKind.Value => " " + (ValueName ?? "string"),
            FlagKind.OptionalValue => "[=" + (ValueName ?? "string") + "]",
            _ => "",
        };
}
