using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace VmLifecycle.Api.Serialization;

/// <summary>
/// Reads and writes the types of api/ as Kubernetes JSON through <see cref="ApiJsonContext"/>, without reflection, so the
/// same calls work in the servers (KubernetesClient) and in the NativeAOT kubectl plugin (KubernetesClient.Aot).
/// </summary>
public static class ApiJson
{
    /// <summary>Serializes <paramref name="value"/> to Kubernetes JSON.</summary>
    /// <typeparam name="T">A type of <see cref="ApiJsonContext"/>, for example VirtualMachine or StopOptions.</typeparam>
    /// <param name="value">The object to write.</param>
    /// <returns>Compact JSON; null members are omitted.</returns>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    /// <summary>Serializes <paramref name="value"/> to UTF-8 Kubernetes JSON.</summary>
    /// <typeparam name="T">A type of <see cref="ApiJsonContext"/>.</typeparam>
    /// <param name="value">The object to write.</param>
    /// <returns>Compact UTF-8 JSON; null members are omitted.</returns>
    public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>());

    /// <summary>Deserializes Kubernetes JSON. Unknown fields go to the types' AdditionalProperties where they have one, and are ignored elsewhere.</summary>
    /// <typeparam name="T">A type of <see cref="ApiJsonContext"/>.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The object, or null for the JSON literal null.</returns>
    /// <exception cref="JsonException">The text is not valid JSON for <typeparamref name="T"/>.</exception>
    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize(json, TypeInfo<T>());

    /// <summary>Deserializes UTF-8 Kubernetes JSON.</summary>
    /// <typeparam name="T">A type of <see cref="ApiJsonContext"/>.</typeparam>
    /// <param name="utf8Json">The UTF-8 JSON.</param>
    /// <returns>The object, or null for the JSON literal null.</returns>
    /// <exception cref="JsonException">The text is not valid JSON for <typeparamref name="T"/>.</exception>
    public static T? Deserialize<T>(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize(utf8Json, TypeInfo<T>());

    /// <summary>Deserializes Kubernetes JSON read from <paramref name="utf8Json"/>.</summary>
    /// <typeparam name="T">A type of <see cref="ApiJsonContext"/>.</typeparam>
    /// <param name="utf8Json">A stream of UTF-8 JSON, for example a request body.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The object, or null for the JSON literal null.</returns>
    /// <exception cref="JsonException">The text is not valid JSON for <typeparamref name="T"/>.</exception>
    public static ValueTask<T?> DeserializeAsync<T>(Stream utf8Json, CancellationToken cancellationToken = default) =>
        JsonSerializer.DeserializeAsync(utf8Json, TypeInfo<T>(), cancellationToken);

    /// <summary>The source-generated metadata of <typeparamref name="T"/>, for JsonSerializer overloads not wrapped here.</summary>
    /// <typeparam name="T">A type of <see cref="ApiJsonContext"/>.</typeparam>
    /// <returns>The metadata.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not part of <see cref="ApiJsonContext"/>.</exception>
    public static JsonTypeInfo<T> TypeInfo<T>() =>
        ApiJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new NotSupportedException($"{typeof(T)} is not serializable by {nameof(ApiJsonContext)}; add a [JsonSerializable] for it.");
}
