using System.Reflection;
using System.Runtime.InteropServices;
using k8s.Models;

namespace VmLifecycle.Aggregator.Discovery;

/// <summary>The answer of /apis/subresources.kubevirt.io/v1/version, in the shape of KubeVirt's version.Info.</summary>
internal static class ServerVersion
{
    public static VersionInfo Current()
    {
        var informational = typeof(ServerVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var parts = informational.Split('+', 2);
        return new VersionInfo
        {
            GitVersion = "v" + parts[0],
            GitCommit = parts.Length > 1 ? parts[1] : "",
            GitTreeState = "",
            BuildDate = "",
            GoVersion = RuntimeInformation.FrameworkDescription,
            Compiler = "roslyn",
            Platform = $"{(OperatingSystem.IsLinux() ? "linux" : RuntimeInformation.OSDescription)}/{Architecture(RuntimeInformation.OSArchitecture)}",
            Major = "",
            Minor = "",
        };
    }

    private static string Architecture(System.Runtime.InteropServices.Architecture architecture) => architecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "amd64",
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        _ => architecture.ToString().ToLowerInvariant(),
    };
}
