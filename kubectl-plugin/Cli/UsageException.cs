namespace VmLifecycle.KubectlPlugin.Cli;

/// <summary>The command line is wrong: the command prints the message and its help, and exits with <see cref="ExitCodes.Usage"/>.</summary>
internal sealed class UsageException(string message) : Exception(message);
