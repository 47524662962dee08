using System.Diagnostics;

namespace VmLifecycle.TestSupport.Processes;

/// <summary>Runs a program to its end, bounded in time, with the test's cancellation.</summary>
public static class ExternalCommand
{
    /// <summary>
    /// Runs <paramref name="program"/> with <paramref name="arguments"/>, the variables of <paramref name="environment"/>
    /// set over the test's own, and <paramref name="standardInput"/> (when not null) written to its standard input, then
    /// closed; returns its exit code and outputs. When <paramref name="timeout"/> passes or
    /// <paramref name="cancellationToken"/> (the test's) is cancelled, the process tree is killed and
    /// <see cref="OperationCanceledException"/> thrown.
    /// </summary>
    public static async Task<CommandResult> RunAsync(
        string program,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout,
        string? standardInput,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = CreateStartInfo(program, arguments, redirectInput: standardInput is not null);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cancellation.CancelAfter(timeout);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started");
        try
        {
            if (standardInput is not null)
            {
                await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellation.Token);
                process.StandardInput.Close();
            }

            var output = process.StandardOutput.ReadToEndAsync(cancellation.Token);
            var error = process.StandardError.ReadToEndAsync(cancellation.Token);
            await process.WaitForExitAsync(cancellation.Token);
            return new CommandResult(process.ExitCode, await output, await error);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    /// <summary>A start of <paramref name="program"/> without a shell, its outputs (and optionally its input) redirected.</summary>
    public static ProcessStartInfo CreateStartInfo(string program, IEnumerable<string> arguments, bool redirectInput)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
