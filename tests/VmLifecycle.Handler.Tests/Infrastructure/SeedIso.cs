using System.Diagnostics;

namespace VmLifecycle.Handler.Tests.Infrastructure;

/// <summary>Reads NoCloud seed ISOs back with xorriso (osirrox mode), as a guest's cloud-init would mount them.</summary>
internal static class SeedIso
{
    /// <summary>The text of <paramref name="file"/> (for example "user-data") in the ISO.</summary>
    public static async Task<string> ReadAsync(string iso, string file)
    {
        var target = Path.Combine(Directory.CreateTempSubdirectory("seed-iso-").FullName, file);
        try
        {
            await RunAsync("xorriso", "-osirrox", "on", "-indev", iso, "-extract", "/" + file, target);
            return await File.ReadAllTextAsync(target, TestContext.Current.CancellationToken);
        }
        finally
        {
            var directory = Path.GetDirectoryName(target)!;
            if (File.Exists(target))
            {
                File.SetAttributes(target, FileAttributes.Normal);
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The ISO's volume id (a NoCloud seed must be labelled "cidata").</summary>
    public static async Task<string> VolumeIdAsync(string iso)
    {
        var output = await RunAsync("xorriso", "-indev", iso, "-pvd_info");
        return output.Split('\n').Single(l => l.StartsWith("Volume Id", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
    }

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', arguments)}: {await error}");
        return await output;
    }
}
