using VmLifecycle.Api.Subresources;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Subresources;

/// <summary>The lifecycle subresources of subresources.kubevirt.io/v1 this server serves, all PUT-only.</summary>
internal static class SubresourceCatalog
{
    public static readonly SubresourceDescriptor Start = new(VirtualMachine.KubePluralName, SubresourceNames.Start, nameof(StartOptions));
    public static readonly SubresourceDescriptor Stop = new(VirtualMachine.KubePluralName, SubresourceNames.Stop, nameof(StopOptions));
    public static readonly SubresourceDescriptor Restart = new(VirtualMachine.KubePluralName, SubresourceNames.Restart, nameof(RestartOptions));
    public static readonly SubresourceDescriptor Rename = new(VirtualMachine.KubePluralName, SubresourceNames.Rename, nameof(RenameOptions));
    public static readonly SubresourceDescriptor Pause = new(VirtualMachineInstance.KubePluralName, SubresourceNames.Pause, nameof(PauseOptions));
    public static readonly SubresourceDescriptor Unpause = new(VirtualMachineInstance.KubePluralName, SubresourceNames.Unpause, nameof(UnpauseOptions));

    /// <summary>In discovery order (KubeVirt lists the VMI subresources first).</summary>
    public static readonly IReadOnlyList<SubresourceDescriptor> All = [Pause, Unpause, Start, Stop, Restart, Rename];

    public static SubresourceDescriptor? Find(string resource, string subresource) =>
        All.FirstOrDefault(descriptor => descriptor.Resource == resource && descriptor.Subresource == subresource);
}
