using k8s.Models;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Caching;

/// <summary>
/// No cache: every read is live. Used when a host brings its own <see cref="Kubernetes.IVirtualMachineStore"/> (a cache
/// of the API server would not mirror it).
/// </summary>
internal sealed class NoWatchCache : IWatchCache
{
    public bool IsSynced => true;

    public VirtualMachineInstance? GetVmi(string @namespace, string name) => null;

    public bool TryGetVm(string @namespace, string name, out VirtualMachine? vm)
    {
        vm = null;
        return false;
    }

    public V1Node? GetNode(string name) => null;

    public void Superseded(VirtualMachineInstance vmi)
    {
    }
}
