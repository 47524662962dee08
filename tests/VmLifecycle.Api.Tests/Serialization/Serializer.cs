using k8s;
using VmLifecycle.Api.Serialization;

namespace VmLifecycle.Api.Tests.Serialization;

/// <summary>The two ways components (de)serialize api/ types; every wire-format test runs with both.</summary>
public enum Serializer
{
    /// <summary>KubernetesClient's KubernetesJson (reflection), used by the client's typed and generic calls in the servers.</summary>
    KubernetesJson,

    /// <summary>ApiJson over the source-generated ApiJsonContext, used by the NativeAOT plugin and anywhere reflection-free.</summary>
    ApiJsonContext,
}

internal static class SerializerExtensions
{
    public static T Read<T>(this Serializer serializer, string json) => serializer switch
    {
        Serializer.KubernetesJson => KubernetesJson.Deserialize<T>(json),
        _ => ApiJson.Deserialize<T>(json),
    } ?? throw new InvalidOperationException("The document deserialized to null.");

    public static string Write<T>(this Serializer serializer, T value)
        where T : notnull => serializer switch
        {
            Serializer.KubernetesJson => KubernetesJson.Serialize(value),
            _ => ApiJson.Serialize(value),
        };
}
