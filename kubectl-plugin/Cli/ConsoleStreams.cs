namespace VmLifecycle.KubectlPlugin.Cli;

/// <summary>Where a command writes: standard output and error, and whether output is a terminal (progress lines only then).</summary>
internal sealed record ConsoleStreams(TextWriter Out, TextWriter Error, bool IsTerminal)
{
    public static ConsoleStreams FromConsole() => new(Console.Out, Console.Error, !Console.IsOutputRedirected);
}
