using k8s.Models;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Caching;

/// <summary>
/// Watch-backed copies of the VMs, VMIs and Nodes, kept on every replica for the subresources' fast path. A cache may
/// lag behind the API server, so callers use it only where its answer lets a request go ahead, and confirm any refusal
/// with a live read. The objects are shared: never change them.
/// </summary>
internal interface IWatchCache
{
    /// <summary>True once every watched kind has been listed.</summary>
    bool IsSynced { get; }

    /// <summary>The cached VMI, or null when it is not cached (or not to be trusted: see <see cref="Superseded"/>).</summary>
    VirtualMachineInstance? GetVmi(string @namespace, string name);

    /// <summary>
    /// False when the cache cannot tell (not listed yet); otherwise true with the cached VM, null when there is none.
    /// </summary>
    bool TryGetVm(string @namespace, string name, out VirtualMachine? vm);

    V1Node? GetNode(string name);

    /// <summary>
    /// This replica has just changed <paramref name="vmi"/> (through its handler): until the watch brings a version newer
    /// than this one, <see cref="GetVmi"/> answers null, so the next request reads live (read-your-writes).
    /// </summary>
    void Superseded(VirtualMachineInstance vmi);
}
