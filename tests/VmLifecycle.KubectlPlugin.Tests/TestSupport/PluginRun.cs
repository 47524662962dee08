namespace VmLifecycle.KubectlPlugin.Tests.TestSupport;

/// <summary>The outcome of one plugin invocation.</summary>
internal sealed record PluginRun(int ExitCode, string Out, string Error);
