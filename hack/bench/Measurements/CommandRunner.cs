using System.Diagnostics;

namespace VmLifecycle.Bench.Measurements;

/// <summary>Runs a command line tool to its end and tells how long it took, wall clock, fork to exit.</summary>
internal sealed class CommandRunner(IReadOnlyDictionary<string, string> environment)
{
    public async Task<double> TimeAsync(string fileName, params string[] arguments)
    {
        var (elapsed, _) = await RunAsync(fileName, arguments);
        return elapsed;
    }

    public async Task<string> OutputAsync(string fileName, params string[] arguments) => (await RunAsync(fileName, arguments)).Output;

    public async Task<(double Milliseconds, string Output)> RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var began = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var ended = Stopwatch.GetTimestamp();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}: {(await error).Trim()} {(await output).Trim()}");
        }

        return (Stats.Milliseconds(began, ended), await output);
    }
}
