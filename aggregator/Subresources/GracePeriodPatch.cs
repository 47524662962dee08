using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Api.VirtualMachineInstances;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>
/// The VMI patch of spec.terminationGracePeriodSeconds (virt-api's patchVMITerminationGracePeriod): a test of the value
/// read and a replace, or an add when the field is unset. The rollback restores the value read.
/// </summary>
internal static class GracePeriodPatch
{
    private const string Path = "/spec/terminationGracePeriodSeconds";

    public static PlannedPatch Build(VirtualMachineInstance vmi, long gracePeriodSeconds, bool withRollback)
    {
        var current = vmi.Spec.TerminationGracePeriodSeconds;
        var patch = current is null
            ? new JsonPatch().Add(Path, JsonPatch.Value(gracePeriodSeconds))
            : new JsonPatch().Test(Path, JsonPatch.Value(current)).Replace(Path, JsonPatch.Value(gracePeriodSeconds));
        JsonPatch? rollback = null;
        if (withRollback)
        {
            rollback = new JsonPatch().Test(Path, JsonPatch.Value(gracePeriodSeconds));
            rollback = current is null ? rollback.Remove(Path) : rollback.Replace(Path, JsonPatch.Value(current));
        }

        return new PlannedPatch(PatchTarget.Vmi, patch, rollback);
    }
}
