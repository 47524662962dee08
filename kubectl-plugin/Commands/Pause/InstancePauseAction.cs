using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;
using VmLifecycle.KubectlPlugin.Cli;
using VmLifecycle.KubectlPlugin.Http;
using VmLifecycle.KubectlPlugin.Waiting;

namespace VmLifecycle.KubectlPlugin.Commands.Pause;

/// <summary>
/// What pause and unpause share (virtctl's pkg/virtctl/pause and unpause): the vm form reads the VirtualMachine first
/// and refuses a Halted one, then both forms PUT the VirtualMachineInstance subresource of the same name.
/// </summary>
/// <param name="Subresource">pause or unpause.</param>
/// <param name="Gerund">pausing or unpausing, for virtctl's error lines.</param>
/// <param name="Paused">The Paused condition --wait waits for.</param>
internal sealed record InstancePauseAction(string Subresource, string Gerund, bool Paused)
{
    public async Task<int> RunAsync<TOptions>(CommandInvocation invocation, TOptions options, CancellationToken cancellationToken)
    {
        var isVirtualMachine = ResourceTypeArgument.IsVirtualMachine(invocation.Positional(0));
        var name = invocation.Positional(1);
        var wait = invocation.Wait;
        var client = invocation.Client;
        if (isVirtualMachine)
        {
            VirtualMachine? vm = null;
            await ServerCall.RunAsync(
                async () => vm = await client.GetAsync<VirtualMachine>(VirtualMachine.KubePluralName, name, cancellationToken).ConfigureAwait(false),
                error => KubeVirtMessages.VirtctlGetVmFailed(name, error)).ConfigureAwait(false);
            if (EffectiveRunStrategy(vm!) == RunStrategy.Halted)
            {
                throw new CommandFailedException(KubeVirtMessages.VirtctlVmNotSetToRun(Gerund, name));
            }
        }

        await ServerCall.RunAsync(
            async () =>
            {
                try
                {
                    await client.PutSubresourceAsync(VirtualMachineInstance.KubePluralName, name, Subresource, options, cancellationToken).ConfigureAwait(false);
                }
                catch (ApiException e) when (isVirtualMachine && e.IsNotFound)
                {
                    throw new CommandFailedException(KubeVirtMessages.VirtctlVmiNotFound(Gerund, name));
                }
            },
            error => KubeVirtMessages.VirtctlPauseFailed(Gerund, name, error)).ConfigureAwait(false);

        invocation.Streams.Out.WriteLine(KubeVirtMessages.VmiScheduledTo(name, Subresource));
        if (wait is { } timeout && !invocation.DryRun)
        {
            await new StateWaiter(client, invocation.Streams, invocation.TimeProvider)
                .WaitAsync(WaitTargets.InstancePaused(name, Paused), timeout, cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    /// <summary>spec.runStrategy, or the deprecated spec.running (true: Always, otherwise Halted), as virtctl's vm.RunStrategy().</summary>
    public static RunStrategy EffectiveRunStrategy(VirtualMachine vm) =>
        vm.Spec?.RunStrategy ?? (vm.Spec?.Running == true ? RunStrategy.Always : RunStrategy.Halted);
}
