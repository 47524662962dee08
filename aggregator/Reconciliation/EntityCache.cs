using System.Collections.Concurrent;
using k8s;
using k8s.Models;

namespace VmLifecycle.Aggregator.Reconciliation;

/// <summary>
/// The objects an informer watches, as last seen. Written only by its informer; read by controllers (shared copies: a
/// controller must copy an object before changing it).
/// </summary>
internal sealed class EntityCache<TEntity>
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ConcurrentDictionary<EntityKey, TEntity> _entities = new();

    public int Count => _entities.Count;

    public TEntity? Get(EntityKey key) => _entities.TryGetValue(key, out var entity) ? entity : null;

    public TEntity? Get(string? @namespace, string name) => Get(new EntityKey(@namespace, name));

    public IReadOnlyList<TEntity> List() => [.. _entities.Values];

    public IReadOnlyList<EntityKey> Keys() => [.. _entities.Keys];

    /// <summary>Stores <paramref name="entity"/> and tells what changed (null when the same resourceVersion was already known).</summary>
    public InformerEvent<TEntity>? Upsert(TEntity entity)
    {
        var key = EntityKey.Of(entity);
        TEntity? previous = null;
        _entities.AddOrUpdate(key, entity, (_, existing) =>
        {
            previous = existing;
            return entity;
        });
        if (previous is null)
        {
            return new InformerEvent<TEntity>(InformerEventType.Added, entity, null);
        }

        return previous.Metadata?.ResourceVersion == entity.Metadata?.ResourceVersion
            ? null
            : new InformerEvent<TEntity>(InformerEventType.Modified, entity, previous);
    }

    public InformerEvent<TEntity>? Remove(TEntity entity)
    {
        return _entities.TryRemove(EntityKey.Of(entity), out var previous)
            ? new InformerEvent<TEntity>(InformerEventType.Deleted, entity, previous)
            : null;
    }

    /// <summary>
    /// Replaces the whole content with a fresh LIST and returns the differences: additions, modifications (another
    /// resourceVersion) and the deletions missed while no watch was running.
    /// </summary>
    public IReadOnlyList<InformerEvent<TEntity>> Replace(IEnumerable<TEntity> listed)
    {
        var events = new List<InformerEvent<TEntity>>();
        var seen = new HashSet<EntityKey>();
        foreach (var entity in listed)
        {
            seen.Add(EntityKey.Of(entity));
            if (Upsert(entity) is { } change)
            {
                events.Add(change);
            }
        }

        foreach (var (key, entity) in _entities)
        {
            if (!seen.Contains(key) && _entities.TryRemove(key, out _))
            {
                events.Add(new InformerEvent<TEntity>(InformerEventType.Deleted, entity, entity));
            }
        }

        return events;
    }
}
