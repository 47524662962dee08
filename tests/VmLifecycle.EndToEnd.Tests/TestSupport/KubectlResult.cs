namespace VmLifecycle.EndToEnd.Tests.TestSupport;

/// <summary>The exit code and outputs of one kubectl run.</summary>
internal sealed record KubectlResult(int ExitCode, string Output, string Error);
