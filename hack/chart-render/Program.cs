using VmLifecycle.ChartRender.Charts;
using VmLifecycle.ChartRender.Templates;

// chart-render [NAME] CHART [--namespace NS] [-f values.yaml] [--set k=v] [--set-string k=v] [--set-file k=path]
//              [--show-only templates/x.yaml]
// Prints the chart's manifests as `helm template` does (see README.md for the template subset it supports).
const string Usage = "usage: chart-render [NAME] CHART [--namespace NS] [-f FILE] [--set k=v] [--set-string k=v] [--set-file k=path] [--show-only templates/x.yaml]";

var positional = new List<string>();
var namespaceName = "default";
var release = new List<Action<ReleaseOptions>>();
for (var i = 0; i < args.Length; i++)
{
    var argument = args[i];
    var (flag, inlineValue) = argument.StartsWith("--", StringComparison.Ordinal) && argument.Contains('=', StringComparison.Ordinal)
        ? (argument[..argument.IndexOf('=', StringComparison.Ordinal)], argument[(argument.IndexOf('=', StringComparison.Ordinal) + 1)..])
        : (argument, null);
    string Value() => inlineValue ?? (++i < args.Length ? args[i] : throw new ArgumentException($"{flag} needs a value"));
    try
    {
        switch (flag)
        {
            case "-n" or "--namespace":
                namespaceName = Value();
                break;
            case "-f" or "--values":
                var file = Value();
                release.Add(options => options.ValueFiles.Add(file));
                break;
            case "--set":
                var set = Value();
                release.Add(options => options.Overrides.Add(new ValueOverride(ValueOverrideKind.Set, set)));
                break;
            case "--set-string":
                var setString = Value();
                release.Add(options => options.Overrides.Add(new ValueOverride(ValueOverrideKind.SetString, setString)));
                break;
            case "--set-file":
                var setFile = Value();
                release.Add(options => options.Overrides.Add(new ValueOverride(ValueOverrideKind.SetFile, setFile)));
                break;
            case "-s" or "--show-only":
                var template = Value();
                release.Add(options => options.ShowOnly.Add(template));
                break;
            case "-h" or "--help":
                Console.WriteLine(Usage);
                return 0;
            default:
                if (argument.StartsWith('-'))
                {
                    throw new ArgumentException($"unknown flag {argument}");
                }

                positional.Add(argument);
                break;
        }
    }
    catch (ArgumentException exception)
    {
        await Console.Error.WriteLineAsync($"Error: {exception.Message}\n{Usage}");
        return 2;
    }
}

if (positional.Count is < 1 or > 2)
{
    await Console.Error.WriteLineAsync(Usage);
    return 2;
}

var options = new ReleaseOptions { Name = positional.Count == 2 ? positional[0] : "release-name", Namespace = namespaceName };
release.ForEach(apply => apply(options));
try
{
    var manifests = ChartRenderer.Render(positional[^1], options, TimeProvider.System);
    Console.Write(ChartRenderer.Format(manifests));
    return 0;
}
catch (Exception exception) when (exception is TemplateException or ArgumentException or IOException or InvalidDataException or YamlDotNet.Core.YamlException)
{
    await Console.Error.WriteLineAsync($"Error: {exception.Message}");
    return 1;
}
