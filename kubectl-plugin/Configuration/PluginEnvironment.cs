namespace VmLifecycle.KubectlPlugin.Configuration;

/// <summary>What configuration reads from the process environment; tests substitute their own.</summary>
/// <param name="GetVariable">Reads an environment variable.</param>
/// <param name="HomeDirectory">The user's home, for ~/.kube/config.</param>
/// <param name="ServiceAccountDirectory">Where a pod's service account token, CA and namespace are mounted.</param>
internal sealed record PluginEnvironment(Func<string, string?> GetVariable, string HomeDirectory, string ServiceAccountDirectory)
{
    public const string DefaultServiceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    public static PluginEnvironment FromProcess() => new(
        Environment.GetEnvironmentVariable,
        Environment.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        DefaultServiceAccountDirectory);
}
