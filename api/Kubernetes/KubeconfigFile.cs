using k8s;
using VmLifecycle.Api.Kubeconfig;

namespace VmLifecycle.Api.Kubernetes;

/// <summary>
/// Reads a kubeconfig file with <see cref="KubeconfigReader"/> (the plugin's reader, a walk over YamlDotNet's node tree),
/// then builds the configuration from it as <c>KubernetesClientConfiguration.BuildConfigFromConfigFile</c> does (relative
/// certificate paths resolved against the file's directory). KubernetesClient's loader goes through <c>KubernetesYaml</c>,
/// whose static initialisation reflects over every model type of KubernetesClient and every property of each (three
/// times, for its two deserializers and its serializer) and keeps what it built for the life of the process: ~30 MiB of
/// resident memory and ~6 MB of managed heap in a long-running server, to read a file of twenty lines.
/// </summary>
public static class KubeconfigFile
{
    /// <summary>The configuration of <paramref name="context"/> (the current context when null) of the kubeconfig at <paramref name="path"/>.</summary>
    /// <param name="path">The kubeconfig file.</param>
    /// <param name="context">The context to use; null for the file's current context.</param>
    /// <returns>The client configuration.</returns>
    public static KubernetesClientConfiguration Load(string path, string? context)
    {
        var text = File.ReadAllText(path);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidOperationException($"The kubeconfig {path} is empty.");
        }

        var model = KubeconfigReader.Parse(text);
        model.FileName = Path.GetFullPath(path);
        return KubernetesClientConfiguration.BuildConfigFromConfigObject(model, context);
    }
}
