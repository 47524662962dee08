using VmLifecycle.TestSupport.Repository;

namespace VmLifecycle.KubectlPlugin.Tests.Binary;

/// <summary>The plugin executable: the NativeAOT publish output when it exists (hack/publish-plugin.sh), else the built app host.</summary>
internal static class PluginBinary
{
    public static string Locate()
    {
        var repository = RepositoryRoot.Path;
        string[] candidates =
        [
            Path.Combine(repository, ".local", "bin", "kubectl-virt"),
            Path.Combine(repository, "kubectl-plugin", "bin", "Release", "net10.0", "linux-x64", "publish", "kubectl-virt"),
            Path.Combine(AppContext.BaseDirectory, "kubectl-virt"),
        ];
        return candidates.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException("kubectl-virt was not built", candidates[^1]);
    }
}
