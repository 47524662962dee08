using VmLifecycle.Aggregator.Responses;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.Subresources;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>
/// Rename (KubeVirt v0.28–v0.41, kept here for stopped VMs): the checks of the new name and of the VM's state, and the
/// VirtualMachine the rename creates.
/// </summary>
internal static class RenameRules
{
    /// <summary>The checks of the body alone, made before anything is read.</summary>
    public static StatusFailure? ValidateOptions(string currentName, RenameOptions options)
    {
        var newName = options.NewName ?? "";
        if (newName.Length == 0)
        {
            return StatusFailure.BadRequest(KubeVirtMessages.RenameNewNameMissing);
        }

        if (newName == currentName)
        {
            return StatusFailure.BadRequest(KubeVirtMessages.RenameToSameName);
        }

        return ObjectNames.Dns1123SubdomainError(newName) is { } reason
            ? StatusFailure.BadRequest(AggregatorMessages.InvalidNewName(newName, reason))
            : null;
    }

    /// <summary>
    /// Only a stopped VM (no VMI, or a final one) or a Halted one may be renamed; an existing target is a conflict.
    /// </summary>
    public static StatusFailure? ValidateState(VirtualMachine vm, VirtualMachineInstance? vmi, VirtualMachine? target)
    {
        if (VirtualMachineRunState.TryResolve(vm, out var runStrategy) is { } invalid)
        {
            return invalid;
        }

        var stopped = vmi is null || vmi.IsFinal();
        if (!stopped && runStrategy != RunStrategy.Halted)
        {
            return StatusFailure.BadRequest(KubeVirtMessages.RenameRunningVmNotAllowed);
        }

        return target is null ? null : TargetExists(vm.Metadata.Name);
    }

    public static StatusFailure TargetExists(string currentName) =>
        StatusFailure.Conflict(VirtualMachine.KubeSingularName, currentName, KubeVirtMessages.RenameTargetExists);

    /// <summary>The VM under its new name: same namespace, spec, labels and annotations; no status, owner or finalizers.</summary>
    public static VirtualMachine Renamed(VirtualMachine vm, string newName) => new()
    {
        Metadata = new k8s.Models.V1ObjectMeta
        {
            Name = newName,
            NamespaceProperty = vm.Metadata.NamespaceProperty,
            Labels = vm.Metadata.Labels is null ? null : new Dictionary<string, string>(vm.Metadata.Labels),
            Annotations = vm.Metadata.Annotations is null ? null : new Dictionary<string, string>(vm.Metadata.Annotations),
        },
        Spec = vm.Spec,
    };
}
