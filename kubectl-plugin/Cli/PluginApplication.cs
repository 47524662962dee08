using System.Globalization;
using VmLifecycle.KubectlPlugin.Commands;
using VmLifecycle.KubectlPlugin.Configuration;
using VmLifecycle.KubectlPlugin.Http;

namespace VmLifecycle.KubectlPlugin.Cli;

/// <summary>Parses the command line, picks the command, runs it and maps failures to output and exit codes.</summary>
internal static class PluginApplication
{
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, string programName, ConsoleStreams streams, PluginEnvironment environment,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ParsedArguments parsed;
        try
        {
            parsed = ArgumentParser.Parse(args);
        }
        catch (UsageException e)
        {
            return Usage(streams, programName, CommandFor(args), e.Message);
        }

        if (parsed.Positionals.Count == 0 || parsed.Positionals[0] == "help")
        {
            var topic = parsed.Positionals.Count > 1 ? CommandCatalog.Find(parsed.Positionals[1]) : null;
            if (topic is null)
            {
                HelpWriter.WriteRoot(streams.Out, programName);
            }
            else
            {
                HelpWriter.WriteCommand(streams.Out, programName, topic);
            }

            return ExitCodes.Success;
        }

        var commandName = parsed.Positionals[0];
        var command = CommandCatalog.Find(commandName);
        if (command is null)
        {
            streams.Error.WriteLine($"Error: unknown command \"{commandName}\" for \"{programName}\"");
            streams.Error.WriteLine($"Run '{programName} --help' for usage.");
            return ExitCodes.Usage;
        }

        parsed.Positionals.RemoveAt(0);
        if (parsed.Has(Flags.Help))
        {
            HelpWriter.WriteCommand(streams.Out, programName, command);
            return ExitCodes.Success;
        }

        var unknown = parsed.GivenFlags.FirstOrDefault(flag => !command.OwnFlags.Any(f => f.Name == flag) && !Flags.Global.Any(f => f.Name == flag));
        if (unknown is not null)
        {
            return Usage(streams, programName, command, $"unknown flag: --{unknown}");
        }

        if (parsed.Positionals.Count != command.ExactArgs)
        {
            return Usage(streams, programName, command, string.Create(
                CultureInfo.InvariantCulture, $"accepts {command.ExactArgs} arg(s), received {parsed.Positionals.Count}"));
        }

        using var invocation = new CommandInvocation(command, parsed, programName, streams, environment, timeProvider);
        try
        {
            return await command.RunAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            return Usage(streams, programName, command, e.Message);
        }
        catch (CommandFailedException e)
        {
            streams.Error.WriteLine(e.Message);
        }
        catch (ConfigurationException e)
        {
            streams.Error.WriteLine("error: " + e.Message);
        }
        catch (ApiException e)
        {
            streams.Error.WriteLine("error: " + e.Message);
        }
        catch (HttpRequestException e)
        {
            streams.Error.WriteLine("error: " + ServerCall.Describe(e));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }

        return ExitCodes.Failure;
    }

    private static int Usage(ConsoleStreams streams, string programName, CommandDefinition? command, string message)
    {
        streams.Error.WriteLine("error: " + message);
        streams.Error.WriteLine();
        if (command is null)
        {
            HelpWriter.WriteRoot(streams.Error, programName);
        }
        else
        {
            HelpWriter.WriteCommand(streams.Error, programName, command);
        }

        return ExitCodes.Usage;
    }

    private static CommandDefinition? CommandFor(IReadOnlyList<string> args) =>
        args.Where(a => !a.StartsWith('-')).Select(CommandCatalog.Find).FirstOrDefault(c => c is not null);
}
