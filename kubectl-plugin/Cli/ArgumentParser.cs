namespace VmLifecycle.KubectlPlugin.Cli;

/// <summary>
/// Splits arguments the way pflag does: flags may come anywhere, <c>--name value</c>, <c>--name=value</c>,
/// <c>-n value</c>, <c>-nvalue</c>; switches take <c>=true|false</c> only after '='; <c>--</c> ends the flags.
/// </summary>
internal static class ArgumentParser
{
    private static readonly Dictionary<string, FlagDefinition> ByName = Flags.Global.Concat(Flags.CommandSpecific)
        .ToDictionary(f => f.Name, StringComparer.Ordinal);

    private static readonly Dictionary<char, FlagDefinition> ByShorthand = Flags.Global.Concat(Flags.CommandSpecific)
        .Where(f => f.Shorthand is not null).ToDictionary(f => f.Shorthand!.Value);

    /// <summary>The value an optional-value flag gets when it is given without one.</summary>
    public const string OptionalValueDefault = "";

    public static ParsedArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new ParsedArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                parsed.Positionals.AddRange(args.Skip(i + 1));
                break;
            }

            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var body = arg[2..];
                var equals = body.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? body : body[..equals];
                var inline = equals < 0 ? null : body[(equals + 1)..];
                if (!ByName.TryGetValue(name, out var flag))
                {
                    throw new UsageException($"unknown flag: --{name}");
                }

                i = Consume(parsed, flag, "--" + name, inline, args, i);
            }
            else if (arg.Length > 1 && arg[0] == '-')
            {
                if (!ByShorthand.TryGetValue(arg[1], out var flag))
                {
                    throw new UsageException($"unknown shorthand flag: '{arg[1]}' in {arg}");
                }

                var rest = arg[2..];
                var inline = rest.Length == 0 ? null : rest.StartsWith('=') ? rest[1..] : rest;
                i = Consume(parsed, flag, "-" + arg[1], inline, args, i);
            }
            else
            {
                parsed.Positionals.Add(arg);
            }
        }

        return parsed;
    }

    private static int Consume(ParsedArguments parsed, FlagDefinition flag, string spelled, string? inline, IReadOnlyList<string> args, int index)
    {
        switch (flag.Kind)
        {
            case FlagKind.Boolean:
                var value = inline ?? "true";
                if (!bool.TryParse(value, out var switchValue))
                {
                    throw new UsageException($"invalid argument \"{value}\" for \"{spelled}\" flag: strconv.ParseBool: parsing \"{value}\": invalid syntax");
                }

                parsed.Add(flag, switchValue ? "true" : "false");
                return index;
            case FlagKind.OptionalValue:
                parsed.Add(flag, inline ?? OptionalValueDefault);
                return index;
            default:
                if (inline is not null)
                {
                    parsed.Add(flag, inline);
                    return index;
                }

                if (index + 1 >= args.Count)
                {
                    throw new UsageException($"flag needs an argument: {spelled}");
                }

                parsed.Add(flag, args[index + 1]);
                return index + 1;
        }
    }
}
