using VmLifecycle.KubectlPlugin.Cli;

namespace VmLifecycle.KubectlPlugin.Commands;

/// <summary>A command's name, help and accepted arguments, and the code that runs it.</summary>
/// <param name="Name">The word after the program name, for example start.</param>
/// <param name="Use">The usage line after the program name, for example <c>start (VM)</c>.</param>
/// <param name="Short">One line for the command list.</param>
/// <param name="Example">Examples; <c>{0}</c> stands for the program name.</param>
/// <param name="ExactArgs">How many positional arguments the command takes.</param>
/// <param name="OwnFlags">The command's flags beyond the global ones.</param>
/// <param name="RunAsync">Runs the command; returns the exit code.</param>
internal sealed record CommandDefinition(
    string Name,
    string Use,
    string Short,
    string Example,
    int ExactArgs,
    IReadOnlyList<FlagDefinition> OwnFlags,
    Func<CommandInvocation, CancellationToken, Task<int>> RunAsync)
{
    /// <summary>Whether the command talks to a cluster (and so accepts kubectl's connection flags).</summary>
    public bool UsesCluster { get; init; } = true;
}
