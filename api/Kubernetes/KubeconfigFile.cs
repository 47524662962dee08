using System.Diagnostics.CodeAnalysis;
using k8s;
using k8s.KubeConfigModels;
using YamlDotNet.Serialization;

namespace VmLifecycle.Api.Kubernetes;

/// <summary>
/// Reads a kubeconfig file with a plain YamlDotNet deserializer of KubernetesClient's own kubeconfig model, then builds
/// the configuration from it as <c>KubernetesClientConfiguration.BuildConfigFromConfigFile</c> does (relative certificate
/// paths resolved against the file's directory). KubernetesClient's loader goes through <c>KubernetesYaml</c>, whose
/// static initialisation reflects over every model type of KubernetesClient and every property of each (three times, for
/// its two deserializers and its serializer) and keeps what it built for the life of the process: ~30 MiB of resident
/// memory and ~6 MB of managed heap in a long-running server, to read a file of twenty lines.
/// </summary>
public static class KubeconfigFile
{
    private static readonly IDeserializer _deserializer = CreateDeserializer();

    /// <summary>The configuration of <paramref name="context"/> (the current context when null) of the kubeconfig at <paramref name="path"/>.</summary>
    /// <param name="path">The kubeconfig file.</param>
    /// <param name="context">The context to use; null for the file's current context.</param>
    /// <returns>The client configuration.</returns>
    public static KubernetesClientConfiguration Load(string path, string? context)
    {
        var model = _deserializer.Deserialize<K8SConfiguration>(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"The kubeconfig {path} is empty.");
        model.FileName = Path.GetFullPath(path);
        return KubernetesClientConfiguration.BuildConfigFromConfigObject(model, context);
    }

    // The server components run on the JIT; the NativeAOT kubectl plugin does not compile this folder (see api's csproj).
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only the JIT-compiled server components read a kubeconfig this way.")]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only the JIT-compiled server components read a kubeconfig this way.")]
    private static IDeserializer CreateDeserializer() => new DeserializerBuilder().IgnoreUnmatchedProperties().Build();
}
