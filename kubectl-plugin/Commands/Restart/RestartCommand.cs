using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.Subresources;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;
using VmLifecycle.KubectlPlugin.Cli;
using VmLifecycle.KubectlPlugin.Commands.Stop;
using VmLifecycle.KubectlPlugin.Waiting;

namespace VmLifecycle.KubectlPlugin.Commands.Restart;

/// <summary><c>restart VM [--grace-period 0 --force] [--dry-run] [--wait]</c>: PUT virtualmachines/VM/restart, as virtctl's pkg/virtctl/vm/restart.go.</summary>
internal static class RestartCommand
{
    public static CommandDefinition Definition { get; } = new(
        SubresourceNames.Restart,
        "restart (VM)",
        "Restart a virtual machine.",
        "  # Restart a virtual machine called 'myvm':\n  {0} restart myvm\n\n  # Force restart a virtual machine called 'myvm':\n  {0} restart myvm --grace-period 0 --force",
        ExactArgs: 1,
        [Flags.GracePeriod, Flags.Force, Flags.DryRun, Flags.Wait],
        RunAsync);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var name = invocation.Positional(0);
        var wait = invocation.Wait;
        var gracePeriod = StopCommand.ForcedGracePeriod(invocation);
        var options = new RestartOptions { GracePeriodSeconds = gracePeriod, DryRun = ServerCall.DryRun(invocation) };
        var waiting = wait is not null && !invocation.DryRun;
        string? previousUid = null;
        if (waiting)
        {
            var previous = await invocation.Client.GetOrNullAsync<VirtualMachineInstance>(VirtualMachineInstance.KubePluralName, name, cancellationToken).ConfigureAwait(false);
            previousUid = previous?.Metadata?.Uid;
        }

        await ServerCall.RunAsync(
            () => invocation.Client.PutSubresourceAsync(VirtualMachine.KubePluralName, name, SubresourceNames.Restart, options, cancellationToken),
            gracePeriod is null ? KubeVirtMessages.VirtctlRestartFailed : KubeVirtMessages.VirtctlForceRestartFailed).ConfigureAwait(false);
        invocation.Streams.Out.WriteLine(KubeVirtMessages.VmScheduledTo(name, SubresourceNames.Restart));
        if (waiting && wait is { } timeout)
        {
            await new StateWaiter(invocation.Client, invocation.Streams, invocation.TimeProvider)
                .WaitAsync(WaitTargets.NewInstanceRunning(name, previousUid), timeout, cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
