using k8s;
using k8s.Models;

namespace VmLifecycle.Aggregator.Reconciliation;

/// <summary>
/// Reconciles one kind of object, in the shape of KubeOps' entity controllers so that KubeOps could replace this machinery.
/// A fresh DI scope is created for every call.
/// </summary>
/// <typeparam name="TEntity">The kind of object reconciled.</typeparam>
internal interface IEntityController<TEntity>
    where TEntity : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Brings the world in line with <paramref name="entity"/>, as last seen by the informer (a shared copy: do not modify it).</summary>
    Task<ReconciliationResult> ReconcileAsync(TEntity entity, CancellationToken cancellationToken);

    /// <summary>Called once the object is gone, with its last known state.</summary>
    Task<ReconciliationResult> DeletedAsync(TEntity entity, CancellationToken cancellationToken);
}
