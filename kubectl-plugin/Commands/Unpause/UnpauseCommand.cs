using VmLifecycle.Api.Subresources;
using VmLifecycle.KubectlPlugin.Cli;
using VmLifecycle.KubectlPlugin.Commands.Pause;

namespace VmLifecycle.KubectlPlugin.Commands.Unpause;

/// <summary><c>unpause vm|vmi NAME [--dry-run] [--wait]</c>: PUT virtualmachineinstances/NAME/unpause.</summary>
internal static class UnpauseCommand
{
    private static readonly InstancePauseAction Action = new(SubresourceNames.Unpause, "unpausing", Paused: false);

    public static CommandDefinition Definition { get; } = new(
        SubresourceNames.Unpause,
        "unpause vm|vmi (VM)|(VMI)",
        "Unpause a virtual machine",
        "  # Unpause a virtualmachine called 'myvm':\n  {0} unpause vm myvm\n\n  # Unpause a virtualmachineinstance called 'myvmi':\n  {0} unpause vmi myvmi",
        ExactArgs: 2,
        [Flags.DryRun, Flags.Wait],
        (invocation, cancellationToken) => Action.RunAsync(invocation, new UnpauseOptions { DryRun = ServerCall.DryRun(invocation) }, cancellationToken));
}
