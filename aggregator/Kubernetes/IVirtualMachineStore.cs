using k8s.Models;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Kubernetes;

/// <summary>
/// The Kubernetes reads and writes the subresources need. Failures other than "not found" on a get are thrown as
/// <see cref="KubernetesApiException"/> carrying the API server's status.
/// </summary>
internal interface IVirtualMachineStore
{
    Task<VirtualMachine?> GetVmAsync(string @namespace, string name, CancellationToken cancellationToken);

    Task<VirtualMachineInstance?> GetVmiAsync(string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>JSON-patches the VirtualMachine (its spec and metadata).</summary>
    Task PatchVmAsync(string @namespace, string name, JsonPatch patch, CancellationToken cancellationToken);

    /// <summary>JSON-patches the VirtualMachine through its /status subresource.</summary>
    Task PatchVmStatusAsync(string @namespace, string name, JsonPatch patch, CancellationToken cancellationToken);

    /// <summary>JSON-patches the VirtualMachineInstance (its spec).</summary>
    Task PatchVmiAsync(string @namespace, string name, JsonPatch patch, CancellationToken cancellationToken);

    Task<VirtualMachine> CreateVmAsync(VirtualMachine virtualMachine, CancellationToken cancellationToken);

    Task DeleteVmAsync(string @namespace, string name, DeletePreconditions? preconditions, CancellationToken cancellationToken);

    Task<V1Node?> GetNodeAsync(string name, CancellationToken cancellationToken);
}
