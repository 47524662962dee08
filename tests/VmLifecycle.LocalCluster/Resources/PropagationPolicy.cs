namespace VmLifecycle.LocalCluster.Resources;

/// <summary>What happens to dependents (objects whose ownerReferences name the deleted object).</summary>
internal enum PropagationPolicy
{
    Background,
    Foreground,
    Orphan,
}
