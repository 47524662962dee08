using System.Runtime.InteropServices;

namespace VmLifecycle.KubectlPlugin;

/// <summary>
/// The client's version: the repository's Version property and, when the build recorded it, the source commit. The
/// build writes both into a constant (Informational, in PluginVersion.g.cs; see the project file): reading the assembly's
/// informational version attribute at run time would start NativeAOT's reflection stack in every invocation.
/// </summary>
internal static partial class PluginVersion
{
    /// <summary>For example v0.1.0.</summary>
    public static string Version { get; } = "v" + Informational.Split('+')[0];

    /// <summary>The commit the binary was built from, or empty.</summary>
    public static string Commit { get; } = Informational.Contains('+', StringComparison.Ordinal) ? Informational.Split('+')[1] : "";

    public static string Platform => "linux/" + RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.Arm64 => "arm64",
        var other => other.ToString().ToLowerInvariant(),
    };
}
