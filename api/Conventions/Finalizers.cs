namespace VmLifecycle.Api.Conventions;

/// <summary>Finalizers VmLifecycle's components put on objects, so that deletion waits for their clean-up.</summary>
public static class Finalizers
{
    /// <summary>
    /// On a VirtualMachineInstance, added by the handler of its node before the domain is created and removed once the
    /// domain is destroyed, so that a deleted VMI never leaves a running guest behind.
    /// </summary>
    public const string Handler = "vm-lifecycle.kubevirt.io/handler";

    /// <summary>
    /// On a VirtualMachineInstance a VirtualMachine created, added by the VirtualMachine controller and removed once it has
    /// seen the VMI's final state, so that the VM's status reflects how the VMI ended (KubeVirt's virtualMachineControllerFinalize).
    /// </summary>
    public const string VirtualMachineController = "vm-lifecycle.kubevirt.io/vm-controller";
}
