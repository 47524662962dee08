using System.Diagnostics;
using System.Text;

namespace VmLifecycle.TestSupport.Processes;

/// <summary>
/// The repository's stack scripts (hack/local-up.sh, hack/local-down.sh) for one stack of a test project: <c>bash
/// SCRIPT ARGUMENTS</c> in the repository root with the stack's <c>VM_LIFECYCLE_*</c> settings over the test's
/// environment, bounded in time. Standard output and error are read line by line into one text, which is appended to
/// the stack directory's scripts.log and is the message when the script fails or times out.
/// </summary>
/// <param name="repositoryRoot">Where the scripts are run from (<see cref="Repository.RepositoryRoot"/>).</param>
/// <param name="stackDirectory">The stack's directory (VM_LIFECYCLE_LOCAL_DIR), where scripts.log is written.</param>
public sealed class StackScripts(string repositoryRoot, string stackDirectory)
{
    /// <summary>Only the settings with this prefix are passed to the scripts.</summary>
    public const string SettingPrefix = "VM_LIFECYCLE_";

    /// <summary>1: hack/local-up.sh uses the binaries already built instead of building them.</summary>
    public const string SkipBuildVariable = "VM_LIFECYCLE_SKIP_BUILD";

    public string LogFile => Path.Combine(stackDirectory, "scripts.log");

    /// <summary>The env file hack/local-up.sh leaves in the stack directory (NAME=VALUE or NAME="VALUE" lines).</summary>
    public string EnvFile => Path.Combine(stackDirectory, "env");

    /// <summary>The settings of <see cref="EnvFile"/>: pids, URLs, the kubeconfig... (a name given twice: the last value).</summary>
    public Dictionary<string, string> ReadEnvFile()
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(EnvFile).Where(line => line.Contains('=', StringComparison.Ordinal)))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            settings[line[..equals]] = line[(equals + 1)..].Trim('"');
        }

        return settings;
    }

    /// <summary>
    /// Runs <c>bash REPOSITORY/SCRIPT ARGUMENTS</c> with the <see cref="SettingPrefix"/> entries of
    /// <paramref name="settings"/>, and with <see cref="SkipBuildVariable"/>=1 when <paramref name="skipBuild"/> (else
    /// whatever the test's environment has: hack/test.sh builds everything once and exports it). Throws
    /// <see cref="InvalidOperationException"/> with the script's output when it fails or does not finish within
    /// <paramref name="timeout"/> (its process tree is killed then).
    /// </summary>
    public async Task RunAsync(string script, IReadOnlyDictionary<string, string> settings, TimeSpan timeout, bool skipBuild, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var start = ExternalCommand.CreateStartInfo("bash", [Path.Combine(repositoryRoot, script), .. arguments], redirectInput: false);
        start.WorkingDirectory = repositoryRoot;
        foreach (var (name, value) in settings.Where(pair => pair.Key.StartsWith(SettingPrefix, StringComparison.Ordinal)))
        {
            start.Environment[name] = value;
        }

        if (skipBuild)
        {
            start.Environment[SkipBuildVariable] = "1";
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{script} could not be started");
        var output = new StringBuilder();
        var stdout = PumpAsync(process.StandardOutput, output);
        var stderr = PumpAsync(process.StandardError, output);
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{script} did not finish within {timeout}:\n{output}");
        }

        await Task.WhenAll(stdout, stderr);
        await File.AppendAllTextAsync(LogFile, output.ToString());
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed ({process.ExitCode}); logs in {stackDirectory}:\n{output}");
        }
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
