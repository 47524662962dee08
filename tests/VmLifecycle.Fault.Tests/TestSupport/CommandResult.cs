namespace VmLifecycle.Fault.Tests.TestSupport;

/// <summary>The exit code and outputs of one run of kubectl, the plugin or virsh.</summary>
internal sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}: {Output.Trim()} {Error.Trim()}";
}
