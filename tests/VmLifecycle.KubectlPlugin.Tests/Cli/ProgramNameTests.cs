using VmLifecycle.KubectlPlugin.Cli;
using VmLifecycle.KubectlPlugin.Tests.TestSupport;

namespace VmLifecycle.KubectlPlugin.Tests.Cli;

public sealed class ProgramNameTests
{
    [Theory]
    [InlineData("/usr/local/bin/kubectl-virt", "kubectl virt")]
    [InlineData("kubectl-virt", "kubectl virt")]
    [InlineData("/home/me/.krew/bin/kubectl-virt", "kubectl virt")]
    [InlineData("/usr/local/bin/virtctl", "virtctl")]
    [InlineData("virtctl", "virtctl")]
    [InlineData(null, "virtctl")]
    public void The_name_follows_argv0_like_virtctls_GetProgramName(string? argv0, string expected) =>
        Assert.Equal(expected, ProgramName.FromInvocation(argv0));

    [Theory]
    [InlineData("kubectl virt")]
    [InlineData("virtctl")]
    public async Task Help_shows_the_program_name_it_was_invoked_as(string programName)
    {
        using var home = new TemporaryDirectory();

        var run = await PluginRunner.RunAsync(null, home.Path, programName, false, TimeProvider.System, "start", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"  {programName} start (VM) [flags]", run.Out, StringComparison.Ordinal);
        Assert.Contains($"  {programName} start myvm", run.Out, StringComparison.Ordinal);
    }
}
