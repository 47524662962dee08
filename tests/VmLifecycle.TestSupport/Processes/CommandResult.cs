namespace VmLifecycle.TestSupport.Processes;

/// <summary>The exit code and outputs of one run of kubectl, the plugin, virsh or another program.</summary>
public sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}: {Output.Trim()} {Error.Trim()}";
}
