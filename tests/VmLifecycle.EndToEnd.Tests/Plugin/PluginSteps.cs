using VmLifecycle.EndToEnd.Tests.TestSupport;
using VmLifecycle.TestSupport.Polling;
using VmLifecycle.TestSupport.Processes;

namespace VmLifecycle.EndToEnd.Tests.Plugin;

/// <summary>Steps the plugin tests share: runs that must succeed with one line, and the admin's view of a VM and its VMI.</summary>
internal static class PluginSteps
{
    public static readonly TimeSpan BootTimeout = TimeSpan.FromSeconds(120);
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Fails unless the run exited 0 and printed exactly <paramref name="line"/> on stdout and nothing on stderr.</summary>
    public static void PrintedExactly(this CommandResult result, string line)
    {
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        Assert.Equal(line + "\n", result.Output);
        Assert.Equal("", result.Error);
    }

    /// <summary>Fails unless the run exited 1 and printed exactly <paramref name="line"/> on stderr and nothing on stdout.</summary>
    public static void FailedWith(this CommandResult result, string line)
    {
        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}, expected 1: {result.Output}{result.Error}");
        Assert.Equal(line, result.Error.TrimEnd('\n'));
        Assert.Equal("", result.Output);
    }

    public static Task WaitForControllersAsync(LocalStackFixture stack) =>
        Eventually.ReturnsAsync(stack.HasControllersAsync, held => held, TimeSpan.FromSeconds(60), "the VM/VMI controllers hold their Lease",
            TestContext.Current.CancellationToken);

    public static async Task<string> CreateFromExampleAsync(LocalStackFixture stack, string purpose, string example)
    {
        var ns = await stack.CreateNamespaceAsync(purpose);
        await stack.Admin.SucceedAsync("create", "-n", ns, "-f", Path.Combine(stack.RepositoryRoot, "examples", example));
        return ns;
    }

    /// <summary>A jsonpath of the VM, or "" when there is no such VM.</summary>
    public static Task<string> VmAsync(LocalStackFixture stack, string ns, string name, string jsonPath) =>
        stack.Admin.SucceedAsync("get", "vm", name, "-n", ns, "--ignore-not-found", "-o", $"jsonpath={jsonPath}");

    /// <summary>A jsonpath of the VMI, or "" when there is no such VMI.</summary>
    public static Task<string> VmiAsync(LocalStackFixture stack, string ns, string name, string jsonPath) =>
        stack.Admin.SucceedAsync("get", "vmi", name, "-n", ns, "--ignore-not-found", "-o", $"jsonpath={jsonPath}");

    /// <summary>Waits for the VMI's phase Running; returns its uid.</summary>
    public static async Task<string> WaitForRunningVmiAsync(LocalStackFixture stack, string ns, string name, string? notUid = null)
    {
        var seen = await Eventually.ReturnsAsync(
            () => VmiAsync(stack, ns, name, "{.metadata.uid} {.status.phase}"),
            value => value.EndsWith(" Running", StringComparison.Ordinal) && (notUid is null || !value.StartsWith(notUid, StringComparison.Ordinal)),
            BootTimeout, $"a VMI {name} is Running" + (notUid is null ? "" : $" (not {notUid})"),
            TestContext.Current.CancellationToken);
        return seen.Split(' ')[0];
    }

    public static Task WaitForVmiGoneAsync(LocalStackFixture stack, string ns, string name) =>
        Eventually.ReturnsAsync(() => VmiAsync(stack, ns, name, "{.metadata.uid}"), uid => uid.Length == 0, StopTimeout, $"the VMI {name} is gone",
            TestContext.Current.CancellationToken);
}
