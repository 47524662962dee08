using VmLifecycle.KubectlPlugin.Cli;
using VmLifecycle.KubectlPlugin.Configuration;

namespace VmLifecycle.KubectlPlugin.Tests.TestSupport;

/// <summary>Runs the plugin in-process with captured output and an environment of the test's choosing (no real HOME or KUBECONFIG).</summary>
internal static class PluginRunner
{
    public static async Task<PluginRun> RunAsync(
        IReadOnlyDictionary<string, string>? environment, string home, params string[] args) =>
        await RunAsync(environment, home, ProgramName.Virtctl, isTerminal: false, TimeProvider.System, args);

    public static async Task<PluginRun> RunAsync(
        IReadOnlyDictionary<string, string>? environment, string home, string programName, bool isTerminal, TimeProvider timeProvider, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var variables = environment ?? new Dictionary<string, string>();
        var pluginEnvironment = new PluginEnvironment(
            name => variables.TryGetValue(name, out var value) ? value : null, home, Path.Combine(home, "no-service-account"));
        var exitCode = await PluginApplication.RunAsync(
            args, programName, new ConsoleStreams(output, error, isTerminal), pluginEnvironment, timeProvider, TestContext.Current.CancellationToken);
        return new PluginRun(exitCode, output.ToString(), error.ToString());
    }
}
