using VmLifecycle.KubectlPlugin.Cli;
using VmLifecycle.KubectlPlugin.Configuration;
using VmLifecycle.KubectlPlugin.Http;

namespace VmLifecycle.KubectlPlugin.Commands;

/// <summary>What a running command gets: its arguments, where to write, and (built on first use) the client for the cluster.</summary>
internal sealed class CommandInvocation(
    CommandDefinition command,
    ParsedArguments arguments,
    string programName,
    ConsoleStreams streams,
    PluginEnvironment environment,
    TimeProvider timeProvider) : IDisposable
{
    private KubeVirtClient? _client;

    public CommandDefinition Command { get; } = command;

    public ParsedArguments Arguments { get; } = arguments;

    public string ProgramName { get; } = programName;

    public ConsoleStreams Streams { get; } = streams;

    public PluginEnvironment Environment { get; } = environment;

    public TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>The client for the configured cluster; resolving the configuration may throw <see cref="ConfigurationException"/>.</summary>
    public KubeVirtClient Client => _client ??= KubeVirtClient.Create(ClientConfigurationResolver.Resolve(ConnectionFlags.From(Arguments), Environment));

    public bool DryRun => Arguments.IsSet(Cli.Flags.DryRun);

    /// <summary>The --wait duration, or null without --wait.</summary>
    public TimeSpan? Wait => Arguments.Value(Cli.Flags.Wait) switch
    {
        null => null,
        ArgumentParser.OptionalValueDefault => DefaultWait,
        var text => GoDuration.TryParse(text, out var duration) && duration > TimeSpan.Zero
            ? duration
            : throw new UsageException($"invalid argument \"{text}\" for \"--wait\" flag: time: invalid duration \"{text}\""),
    };

    public static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(5);

    public string Positional(int index) => Arguments.Positionals[index];

    public void Dispose() => _client?.Dispose();
}
