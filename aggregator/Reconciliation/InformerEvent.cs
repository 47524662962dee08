namespace VmLifecycle.Aggregator.Reconciliation;

/// <summary>What an informer saw happen to an object.</summary>
internal enum InformerEventType
{
    Added,
    Modified,
    Deleted,
}

/// <summary>A change of the informer's cache: the new object (the last known one for a deletion) and the previous one.</summary>
internal sealed record InformerEvent<TEntity>(InformerEventType Type, TEntity Entity, TEntity? Previous)
    where TEntity : class;
