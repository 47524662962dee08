using k8s;
using k8s.Models;
using VmLifecycle.Api;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Controllers;

/// <summary>
/// virt-controller's SetupVMIFromVM: the VMI of a VM is its spec.template with the VM's name and namespace, the template's
/// labels and annotations, a controller ownerReference (blockOwnerDeletion) to the VM, and startStrategy Paused when the
/// first state change request is a paused start.
/// </summary>
internal static class VirtualMachineInstanceFactory
{
    public static VirtualMachineInstance Create(VirtualMachine vm)
    {
        var template = vm.Spec.Template;
        var spec = template.Spec is null ? new VirtualMachineInstanceSpec() : Copy(template.Spec);
        if (StateChangeRequests.HasStartPausedRequest(vm))
        {
            spec.StartStrategy = StartStrategy.Paused;
        }

        return new VirtualMachineInstance
        {
            Metadata = new V1ObjectMeta
            {
                Name = vm.Metadata.Name,
                NamespaceProperty = vm.Metadata.NamespaceProperty,
                Labels = template.Metadata?.Labels is { } labels ? new Dictionary<string, string>(labels) : null,
                Annotations = template.Metadata?.Annotations is { } annotations ? new Dictionary<string, string>(annotations) : null,
                OwnerReferences =
                [
                    new V1OwnerReference
                    {
                        ApiVersion = KubeVirtGroup.ApiVersion,
                        Kind = VirtualMachine.KubeKind,
                        Name = vm.Metadata.Name,
                        Uid = vm.Metadata.Uid,
                        Controller = true,
                        BlockOwnerDeletion = true,
                    },
                ],
            },
            Spec = spec,
        };
    }

    /// <summary>Whether <paramref name="vmi"/> is controlled by <paramref name="vm"/> (or by nobody, as KubeVirt adopts by name).</summary>
    public static bool IsControlledBy(VirtualMachineInstance vmi, VirtualMachine vm)
    {
        var controller = vmi.Metadata?.OwnerReferences?.FirstOrDefault(reference => reference.Controller == true);
        return controller is null || controller.Uid == vm.Metadata?.Uid;
    }

    public static T Copy<T>(T value) => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(value));
}
