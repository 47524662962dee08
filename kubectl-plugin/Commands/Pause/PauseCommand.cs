using VmLifecycle.Api.Subresources;
using VmLifecycle.KubectlPlugin.Cli;

namespace VmLifecycle.KubectlPlugin.Commands.Pause;

/// <summary><c>pause vm|vmi NAME [--dry-run] [--wait]</c>: PUT virtualmachineinstances/NAME/pause.</summary>
internal static class PauseCommand
{
    private static readonly InstancePauseAction Action = new(SubresourceNames.Pause, "pausing", Paused: true);

    public static CommandDefinition Definition { get; } = new(
        SubresourceNames.Pause,
        "pause vm|vmi (VM)|(VMI)",
        "Pause a virtual machine",
        "  # Pause a virtualmachine called 'myvm':\n  {0} pause vm myvm\n\n  # Pause a virtualmachineinstance called 'myvmi':\n  {0} pause vmi myvmi",
        ExactArgs: 2,
        [Flags.DryRun, Flags.Wait],
        (invocation, cancellationToken) => Action.RunAsync(invocation, new PauseOptions { DryRun = ServerCall.DryRun(invocation) }, cancellationToken));
}
