using VmLifecycle.KubectlPlugin.Tests.TestSupport;

namespace VmLifecycle.KubectlPlugin.Tests.Cli;

// Usage errors never reach the server: exit 2, the message, then the command's help on stderr.
public sealed class UsageTests
{
    private static async Task<PluginRun> RunAsync(params string[] args)
    {
        using var home = new TemporaryDirectory();
        return await PluginRunner.RunAsync(null, home.Path, args);
    }

    [Theory]
    [InlineData("stop", "my-vm", "--force")]
    [InlineData("stop", "my-vm", "--grace-period", "0")]
    [InlineData("stop", "my-vm", "--grace-period=0", "--force=false")]
    [InlineData("restart", "my-vm", "--force")]
    [InlineData("restart", "my-vm", "--grace-period", "0")]
    public async Task Force_and_grace_period_only_together_with_virtctls_message(params string[] args)
    {
        var run = await RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: Must both use --force=true and set --grace-period.\n", run.Error, StringComparison.Ordinal);
        Assert.Contains($"Usage:\n  virtctl {args[0]} (VM) [flags]", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData("accepts 1 arg(s), received 0", "start")]
    [InlineData("accepts 1 arg(s), received 2", "stop", "a", "b")]
    [InlineData("accepts 2 arg(s), received 1", "pause", "vm")]
    [InlineData("accepts 2 arg(s), received 1", "rename", "old")]
    [InlineData("unknown flag: --paused", "stop", "vm", "--paused")]
    [InlineData("unknown flag: --bogus", "start", "vm", "--bogus")]
    [InlineData("unsupported resource type \"pod\": use vm (virtualmachine) or vmi (virtualmachineinstance)", "pause", "pod", "x")]
    [InlineData("invalid argument \"soon\" for \"--wait\" flag: time: invalid duration \"soon\"", "start", "vm", "--wait=soon")]
    [InlineData("unsupported shell \"fish\": use bash or zsh", "completion", "fish")]
    public async Task Wrong_command_lines_print_the_error_and_help_and_exit_2(string message, params string[] args)
    {
        var run = await RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: " + message + "\n", run.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_named_with_a_pointer_to_help()
    {
        var run = await RunAsync("migrate", "vm");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Error: unknown command \"migrate\" for \"virtctl\"\nRun 'virtctl --help' for usage.\n", run.Error);
    }

    [Fact]
    public async Task Without_a_command_the_help_lists_every_command()
    {
        var run = await RunAsync();

        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "start", "stop", "restart", "pause", "unpause", "rename", "version", "completion" })
        {
            Assert.Contains($"\n  {command} ", run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Version_client_needs_no_configuration()
    {
        var run = await RunAsync("version", "--client");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Client Version: version.Info{GitVersion:\"v0.1.0\"", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bash", "complete -o default -F __virtctl_complete virtctl")]
    [InlineData("zsh", "autoload -U +X bashcompinit && bashcompinit")]
    public async Task Completion_scripts_cover_the_commands(string shell, string expected)
    {
        var run = await RunAsync("completion", shell);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
        Assert.Contains("completion pause rename restart start stop unpause version", run.Out, StringComparison.Ordinal);
    }
}
