using k8s.KubeConfigModels;
using VmLifecycle.Api.Kubeconfig;

namespace VmLifecycle.KubectlPlugin.Configuration;

/// <summary>
/// Finds and merges kubeconfig files as client-go's loading rules do: --kubeconfig alone (it must exist), else every
/// file of KUBECONFIG (missing ones skipped), else ~/.kube/config. When merging, the first file to set a cluster, user or
/// context of a name wins, and so does the first current-context. Relative paths are resolved against the directory of
/// the file they come from, before merging (KubernetesClient resolves them against one file only).
/// </summary>
internal static class KubeconfigFiles
{
    public const string EnvironmentVariable = "KUBECONFIG";

    /// <summary>The files to read, in precedence order; empty when there are none.</summary>
    public static IReadOnlyList<string> Locate(string? explicitPath, PluginEnvironment environment)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath)
                ? [explicitPath]
                : throw new ConfigurationException($"stat {explicitPath}: no such file or directory");
        }

        if (environment.GetVariable(EnvironmentVariable) is { Length: > 0 } list)
        {
            return list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(File.Exists).Distinct(StringComparer.Ordinal).ToList();
        }

        var home = Path.Combine(environment.HomeDirectory, ".kube", "config");
        return File.Exists(home) ? [home] : [];
    }

    /// <summary>Reads and merges <paramref name="paths"/>; null when there are none.</summary>
    public static K8SConfiguration? LoadMerged(IReadOnlyList<string> paths)
    {
        K8SConfiguration? merged = null;
        foreach (var path in paths)
        {
            var file = Load(path);
            merged = merged is null ? file : Merge(merged, file);
        }

        return merged;
    }

    /// <summary>Merges <paramref name="later"/> into <paramref name="first"/>; entries of <paramref name="first"/> win.</summary>
    public static K8SConfiguration Merge(K8SConfiguration first, K8SConfiguration later) => new()
    {
        ApiVersion = first.ApiVersion ?? later.ApiVersion,
        Kind = first.Kind ?? later.Kind,
        CurrentContext = string.IsNullOrEmpty(first.CurrentContext) ? later.CurrentContext : first.CurrentContext,
        Clusters = FirstWins(first.Clusters, later.Clusters, c => c.Name),
        Users = FirstWins(first.Users, later.Users, u => u.Name),
        Contexts = FirstWins(first.Contexts, later.Contexts, c => c.Name),
        FileName = first.FileName,
    };

    private static K8SConfiguration Load(string path)
    {
        K8SConfiguration config;
        try
        {
            config = KubeconfigReader.Read(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ConfigurationException($"error loading config file \"{path}\": {e.Message}", e);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        foreach (var cluster in config.Clusters ?? [])
        {
            if (cluster.ClusterEndpoint is { } endpoint)
            {
                endpoint.CertificateAuthority = Absolute(directory, endpoint.CertificateAuthority);
            }
        }

        foreach (var user in config.Users ?? [])
        {
            if (user.UserCredentials is { } credentials)
            {
                credentials.ClientCertificate = Absolute(directory, credentials.ClientCertificate);
                credentials.ClientKey = Absolute(directory, credentials.ClientKey);
            }
        }

        config.FileName = Path.GetFullPath(path);
        return config;
    }

    private static string? Absolute(string directory, string? path) =>
        string.IsNullOrEmpty(path) || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(directory, path));

    private static List<T> FirstWins<T>(IEnumerable<T>? first, IEnumerable<T>? later, Func<T, string> name)
    {
        var result = new List<T>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in (first ?? []).Concat(later ?? []))
        {
            if (seen.Add(name(item) ?? ""))
            {
                result.Add(item);
            }
        }

        return result;
    }
}
