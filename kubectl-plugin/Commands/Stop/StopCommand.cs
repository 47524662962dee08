using System.Globalization;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.Subresources;
using VmLifecycle.Api.VirtualMachines;
using VmLifecycle.KubectlPlugin.Cli;
using VmLifecycle.KubectlPlugin.Waiting;

namespace VmLifecycle.KubectlPlugin.Commands.Stop;

/// <summary>
/// <c>stop VM [--grace-period N --force] [--dry-run] [--wait]</c>: PUT virtualmachines/VM/stop, as virtctl's
/// pkg/virtctl/vm/stop.go: --force and --grace-period only together (a force stop with StopOptions.gracePeriod).
/// </summary>
internal static class StopCommand
{
    public static CommandDefinition Definition { get; } = new(
        SubresourceNames.Stop,
        "stop (VM)",
        "Stop a virtual machine.",
        "  # Stop a virtual machine called 'myvm':\n  {0} stop myvm\n\n  # Force stop a virtual machine called 'myvm':\n  {0} stop myvm --grace-period 0 --force",
        ExactArgs: 1,
        [Flags.GracePeriod, Flags.Force, Flags.DryRun, Flags.Wait],
        RunAsync);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var name = invocation.Positional(0);
        var wait = invocation.Wait;
        var gracePeriod = ForcedGracePeriod(invocation);
        var options = new StopOptions { GracePeriod = gracePeriod, DryRun = ServerCall.DryRun(invocation) };
        await ServerCall.RunAsync(
            () => invocation.Client.PutSubresourceAsync(VirtualMachine.KubePluralName, name, SubresourceNames.Stop, options, cancellationToken),
            gracePeriod is null ? KubeVirtMessages.VirtctlStopFailed : KubeVirtMessages.VirtctlForceStopFailed).ConfigureAwait(false);
        invocation.Streams.Out.WriteLine(KubeVirtMessages.VmScheduledTo(name, SubresourceNames.Stop));
        if (wait is { } timeout && !invocation.DryRun)
        {
            await new StateWaiter(invocation.Client, invocation.Streams, invocation.TimeProvider)
                .WaitAsync(WaitTargets.VmStopped(name), timeout, cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// The grace period of a force stop or restart, or null for a graceful one. virtctl's rule: --grace-period (default -1)
    /// and --force=true must be given together.
    /// </summary>
    public static long? ForcedGracePeriod(CommandInvocation invocation)
    {
        var force = invocation.Arguments.IsSet(Flags.Force);
        long gracePeriod = -1;
        if (invocation.Arguments.Value(Flags.GracePeriod) is { } text
            && !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out gracePeriod))
        {
            throw new UsageException($"invalid argument \"{text}\" for \"--grace-period\" flag: strconv.ParseInt: parsing \"{text}\": invalid syntax");
        }

        return (gracePeriod != -1, force) switch
        {
            (true, true) => gracePeriod,
            (false, false) => null,
            _ => throw new UsageException(KubeVirtMessages.ForceNeedsGracePeriod),
        };
    }
}
