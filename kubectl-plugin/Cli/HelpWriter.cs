using System.Globalization;
using VmLifecycle.KubectlPlugin.Commands;

namespace VmLifecycle.KubectlPlugin.Cli;

/// <summary>Help texts in cobra's layout, with the program name the binary was invoked as.</summary>
internal static class HelpWriter
{
    public static void WriteRoot(TextWriter writer, string programName)
    {
        writer.WriteLine($"{programName} controls virtual machine related operations on your kubernetes cluster.");
        writer.WriteLine();
        writer.WriteLine("Available Commands:");
        foreach (var command in CommandCatalog.All)
        {
            writer.WriteLine($"  {command.Name,-12} {command.Short}");
        }

        writer.WriteLine();
        writer.WriteLine("Use \"" + programName + " <command> --help\" for more information about a given command.");
        writer.WriteLine();
        WriteFlags(writer, "Global Flags:", Flags.Global);
    }

    public static void WriteCommand(TextWriter writer, string programName, CommandDefinition command)
    {
        writer.WriteLine(command.Short);
        writer.WriteLine();
        writer.WriteLine("Usage:");
        writer.WriteLine($"  {programName} {command.Use} [flags]");
        writer.WriteLine();
        writer.WriteLine("Examples:");
        writer.WriteLine(string.Format(CultureInfo.InvariantCulture, command.Example, programName));
        writer.WriteLine();
        WriteFlags(writer, "Flags:", command.OwnFlags);
        if (command.UsesCluster)
        {
            writer.WriteLine();
            WriteFlags(writer, "Global Flags:", Flags.Global);
        }
    }

    private static void WriteFlags(TextWriter writer, string title, IEnumerable<FlagDefinition> flags)
    {
        writer.WriteLine(title);
        foreach (var flag in flags)
        {
            writer.WriteLine($"  {flag.Synopsis,-40} {flag.Help}");
        }
    }
}
