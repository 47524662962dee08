using VmLifecycle.KubectlPlugin.Commands.Completion;
using VmLifecycle.KubectlPlugin.Commands.Pause;
using VmLifecycle.KubectlPlugin.Commands.Rename;
using VmLifecycle.KubectlPlugin.Commands.Restart;
using VmLifecycle.KubectlPlugin.Commands.Start;
using VmLifecycle.KubectlPlugin.Commands.Stop;
using VmLifecycle.KubectlPlugin.Commands.Unpause;
using VmLifecycle.KubectlPlugin.Commands.Version;

namespace VmLifecycle.KubectlPlugin.Commands;

/// <summary>Every command, in the order the help lists them.</summary>
internal static class CommandCatalog
{
    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        CompletionCommand.Definition,
        PauseCommand.Definition,
        RenameCommand.Definition,
        RestartCommand.Definition,
        StartCommand.Definition,
        StopCommand.Definition,
        UnpauseCommand.Definition,
        VersionCommand.Definition,
    ];

    public static CommandDefinition? Find(string name) => All.FirstOrDefault(c => c.Name == name);
}
