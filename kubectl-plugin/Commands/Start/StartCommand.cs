using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.Subresources;
using VmLifecycle.Api.VirtualMachines;
using VmLifecycle.KubectlPlugin.Cli;
using VmLifecycle.KubectlPlugin.Waiting;

namespace VmLifecycle.KubectlPlugin.Commands.Start;

/// <summary><c>start VM [--paused] [--dry-run] [--wait]</c>: PUT virtualmachines/VM/start, as virtctl's pkg/virtctl/vm/start.go.</summary>
internal static class StartCommand
{
    public static CommandDefinition Definition { get; } = new(
        SubresourceNames.Start,
        "start (VM)",
        "Start a virtual machine.",
        "  # Start a virtual machine called 'myvm':\n  {0} start myvm",
        ExactArgs: 1,
        [Flags.Paused, Flags.DryRun, Flags.Wait],
        RunAsync);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var name = invocation.Positional(0);
        var wait = invocation.Wait;
        var paused = invocation.Arguments.IsSet(Flags.Paused);
        var options = new StartOptions { Paused = paused ? true : null, DryRun = ServerCall.DryRun(invocation) };
        await ServerCall.RunAsync(
            () => invocation.Client.PutSubresourceAsync(VirtualMachine.KubePluralName, name, SubresourceNames.Start, options, cancellationToken),
            KubeVirtMessages.VirtctlStartFailed).ConfigureAwait(false);
        invocation.Streams.Out.WriteLine(KubeVirtMessages.VmScheduledTo(name, SubresourceNames.Start));
        if (wait is { } timeout && !invocation.DryRun)
        {
            var target = WaitTargets.VmStatus(name, paused ? PrintableStatus.Paused : PrintableStatus.Running);
            await new StateWaiter(invocation.Client, invocation.Streams, invocation.TimeProvider).WaitAsync(target, timeout, cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
