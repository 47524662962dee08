using VmLifecycle.KubectlPlugin.Cli;

namespace VmLifecycle.KubectlPlugin.Commands.Completion;

/// <summary><c>completion bash|zsh</c>: prints a shell completion script for the program's name.</summary>
internal static class CompletionCommand
{
    public static CommandDefinition Definition { get; } = new(
        "completion",
        "completion bash|zsh",
        "Generate the autocompletion script for the specified shell",
        "  # Load completions for bash in the current shell:\n  source <({0} completion bash)",
        ExactArgs: 1,
        [],
        RunAsync)
    {
        UsesCluster = false,
    };

    private static Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var executable = invocation.ProgramName == ProgramName.KubectlPlugin ? "kubectl-virt" : ProgramName.Virtctl;
        var script = invocation.Positional(0) switch
        {
            "bash" => CompletionScript.Bash(executable),
            "zsh" => CompletionScript.Zsh(executable),
            var shell => throw new UsageException($"unsupported shell \"{shell}\": use bash or zsh"),
        };
        invocation.Streams.Out.Write(script);
        return Task.FromResult(ExitCodes.Success);
    }
}
