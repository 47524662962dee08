using VmLifecycle.KubectlPlugin.Cli;
using VmLifecycle.KubectlPlugin.Configuration;

// The name the binary was invoked by decides between "kubectl virt" and "virtctl" in help texts.
var programName = ProgramName.FromInvocation(InvocationName.Read());
VmLifecycle.KubectlPlugin.Http.SystemTrustStore.Enabled = true;
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await PluginApplication.RunAsync(
    args, programName, ConsoleStreams.FromConsole(), PluginEnvironment.FromProcess(), TimeProvider.System, cancellation.Token).ConfigureAwait(false);
