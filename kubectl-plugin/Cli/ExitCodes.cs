namespace VmLifecycle.KubectlPlugin.Cli;

/// <summary>The process exit codes, as kubectl and virtctl use them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The request failed, the configuration is wrong, or a wait timed out.</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong; the help was printed.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted by Ctrl-C (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
