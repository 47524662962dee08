namespace VmLifecycle.KubectlPlugin.Cli;

/// <summary>
/// The name the help text uses, as virtctl's GetProgramName: <c>kubectl virt</c> when the binary is invoked as a kubectl
/// plugin (a name ending in <c>-virt</c>), <c>virtctl</c> otherwise.
/// </summary>
internal static class ProgramName
{
    public const string Virtctl = "virtctl";
    public const string KubectlPlugin = "kubectl virt";

    /// <param name="invokedAs">argv[0]: a path or a bare name; a symlink keeps its own name here.</param>
    public static string FromInvocation(string? invokedAs)
    {
        var name = Path.GetFileName(invokedAs ?? "");
        if (name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^4];
        }

        return name.EndsWith("-virt", StringComparison.Ordinal) ? KubectlPlugin : Virtctl;
    }
}
