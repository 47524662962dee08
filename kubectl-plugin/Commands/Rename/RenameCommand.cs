using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.Subresources;
using VmLifecycle.Api.VirtualMachines;
using VmLifecycle.KubectlPlugin.Cli;
using VmLifecycle.KubectlPlugin.Waiting;

namespace VmLifecycle.KubectlPlugin.Commands.Rename;

/// <summary>
/// <c>rename VM NEW-NAME [--dry-run] [--wait]</c>: PUT virtualmachines/VM/rename with RenameOptions {newName}, as virtctl
/// v0.28 to v0.41 did (its success line was the generic "VM my-vm was scheduled to rename").
/// </summary>
internal static class RenameCommand
{
    public static CommandDefinition Definition { get; } = new(
        SubresourceNames.Rename,
        "rename (VM) (NEW-NAME)",
        "Rename a stopped virtual machine.",
        "  # Rename a virtual machine called 'myvm' to 'yourvm':\n  {0} rename myvm yourvm",
        ExactArgs: 2,
        [Flags.DryRun, Flags.Wait],
        RunAsync);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var name = invocation.Positional(0);
        var newName = invocation.Positional(1);
        var wait = invocation.Wait;
        var options = new RenameOptions { NewName = newName, DryRun = ServerCall.DryRun(invocation) };
        await ServerCall.RunAsync(
            () => invocation.Client.PutSubresourceAsync(VirtualMachine.KubePluralName, name, SubresourceNames.Rename, options, cancellationToken),
            KubeVirtMessages.VirtctlRenameFailed).ConfigureAwait(false);
        invocation.Streams.Out.WriteLine(KubeVirtMessages.VmScheduledTo(name, SubresourceNames.Rename));
        if (wait is { } timeout && !invocation.DryRun)
        {
            var waiter = new StateWaiter(invocation.Client, invocation.Streams, invocation.TimeProvider);
            var started = invocation.TimeProvider.GetTimestamp();
            await waiter.WaitAsync(WaitTargets.VmExists(newName), timeout, cancellationToken).ConfigureAwait(false);
            var left = timeout - invocation.TimeProvider.GetElapsedTime(started);
            await waiter.WaitAsync(WaitTargets.VmGone(name), left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1), cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
