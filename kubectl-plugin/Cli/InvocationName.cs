namespace VmLifecycle.KubectlPlugin.Cli;

/// <summary>
/// argv[0] as the process was started: kubectl runs a plugin with its own path there, and a virtctl symlink keeps its
/// name there. Read from /proc/self/cmdline because a framework-dependent launch reports the .dll instead.
/// </summary>
internal static class InvocationName
{
    public static string? Read()
    {
        try
        {
            var commandLine = File.ReadAllBytes("/proc/self/cmdline");
            var end = Array.IndexOf(commandLine, (byte)0);
            return System.Text.Encoding.UTF8.GetString(commandLine, 0, end < 0 ? commandLine.Length : end);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return Environment.GetCommandLineArgs().FirstOrDefault();
        }
    }
}
