using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;
using k8s.Models;

namespace VmLifecycle.Aggregator.Reconciliation;

/// <summary>LIST and WATCH of a custom resource in every namespace, located by the <see cref="KubernetesEntityAttribute"/> of <typeparamref name="TEntity"/>.</summary>
internal sealed class CustomResourceListWatch<TEntity>(IKubernetes kubernetes, InformerOptions options) : IListWatchClient<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    private static readonly KubernetesEntityAttribute Entity = typeof(TEntity).GetCustomAttribute<KubernetesEntityAttribute>()
        ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no [KubernetesEntity] attribute.");

    public async Task<(IReadOnlyList<TEntity> Items, string ResourceVersion)> ListAsync(CancellationToken cancellationToken)
    {
        var body = await kubernetes.CustomObjects.ListClusterCustomObjectAsync(Entity.Group, Entity.ApiVersion, Entity.PluralName, cancellationToken: cancellationToken);
        using var document = JsonDocument.Parse(body is JsonElement element ? element.GetRawText() : KubernetesJson.Serialize(body));
        var root = document.RootElement;
        var items = new List<TEntity>();
        if (root.TryGetProperty("items", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                items.Add(KubernetesJson.Deserialize<TEntity>(item.GetRawText()));
            }
        }

        var resourceVersion = root.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("resourceVersion", out var version)
            ? version.GetString() ?? ""
            : "";
        return (items, resourceVersion);
    }

    public async IAsyncEnumerable<(WatchEventType Type, TEntity Entity)> WatchAsync(
        string resourceVersion, Action<Exception> onError, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = kubernetes.CustomObjects.WatchListClusterCustomObjectAsync(
            Entity.Group,
            Entity.ApiVersion,
            Entity.PluralName,
            allowWatchBookmarks: true,
            resourceVersion: resourceVersion,
            timeoutSeconds: options.WatchTimeoutSeconds,
            onError: onError,
            cancellationToken: cancellationToken);
        await foreach (var (type, item) in stream.WithCancellation(cancellationToken))
        {
            var json = item is JsonElement element ? element.GetRawText() : KubernetesJson.Serialize(item);
            yield return (type, KubernetesJson.Deserialize<TEntity>(json));
        }
    }
}
