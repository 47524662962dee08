using k8s;
using k8s.Models;

namespace VmLifecycle.Aggregator.Reconciliation;

/// <summary>Clean-up that must finish before an object may go, keyed by its finalizer name (KubeOps' entity finalizers).</summary>
internal interface IEntityFinalizer<TEntity>
    where TEntity : IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The finalizer written into metadata.finalizers, for example vm-lifecycle.kubevirt.io/vm-controller.</summary>
    string Name { get; }

    /// <summary>Cleans up; once it returns without throwing, the finalizer is removed.</summary>
    Task FinalizeAsync(TEntity entity, CancellationToken cancellationToken);
}
