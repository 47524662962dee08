using System.Collections.Concurrent;
using k8s.Models;
using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Tests.TestSupport;

/// <summary>
/// An in-memory <see cref="IVirtualMachineStore"/>: objects by namespace/name, every write recorded, and failures
/// injectable per operation ("PatchVm", "PatchVmStatus", "PatchVmi", "CreateVm", "DeleteVm:NAME").
/// </summary>
internal sealed class InMemoryVirtualMachineStore : IVirtualMachineStore
{
    private readonly ConcurrentDictionary<string, VirtualMachine> _vms = new();
    private readonly ConcurrentDictionary<string, VirtualMachineInstance> _vmis = new();
    private readonly ConcurrentDictionary<string, V1Node> _nodes = new();
    private readonly ConcurrentQueue<RecordedWrite> _writes = new();

    public ConcurrentDictionary<string, KubernetesApiException> Failures { get; } = new();

    public IReadOnlyList<RecordedWrite> Writes => [.. _writes];

    public InMemoryVirtualMachineStore Add(VirtualMachine vm)
    {
        _vms[Key(vm.Metadata.NamespaceProperty, vm.Metadata.Name)] = vm;
        return this;
    }

    public InMemoryVirtualMachineStore Add(VirtualMachineInstance vmi)
    {
        _vmis[Key(vmi.Metadata.NamespaceProperty, vmi.Metadata.Name)] = vmi;
        return this;
    }

    public InMemoryVirtualMachineStore Add(V1Node node)
    {
        _nodes[node.Metadata.Name] = node;
        return this;
    }

    public bool HasVm(string @namespace, string name) => _vms.ContainsKey(Key(@namespace, name));

    public Task<VirtualMachine?> GetVmAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        Task.FromResult(_vms.GetValueOrDefault(Key(@namespace, name)));

    public Task<VirtualMachineInstance?> GetVmiAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        Task.FromResult(_vmis.GetValueOrDefault(Key(@namespace, name)));

    public Task PatchVmAsync(string @namespace, string name, JsonPatch patch, CancellationToken cancellationToken) =>
        Record("PatchVm", @namespace, name, patch.ToJson());

    public Task PatchVmStatusAsync(string @namespace, string name, JsonPatch patch, CancellationToken cancellationToken) =>
        Record("PatchVmStatus", @namespace, name, patch.ToJson());

    public Task PatchVmiAsync(string @namespace, string name, JsonPatch patch, CancellationToken cancellationToken) =>
        Record("PatchVmi", @namespace, name, patch.ToJson());

    public async Task<VirtualMachine> CreateVmAsync(VirtualMachine virtualMachine, CancellationToken cancellationToken)
    {
        await Record("CreateVm", virtualMachine.Metadata.NamespaceProperty, virtualMachine.Metadata.Name, Api.Serialization.ApiJson.Serialize(virtualMachine));
        if (!_vms.TryAdd(Key(virtualMachine.Metadata.NamespaceProperty, virtualMachine.Metadata.Name), virtualMachine))
        {
            throw new KubernetesApiException(409, "AlreadyExists", $"virtualmachines.kubevirt.io \"{virtualMachine.Metadata.Name}\" already exists");
        }

        virtualMachine.Metadata.Uid ??= Guid.NewGuid().ToString();
        virtualMachine.Metadata.ResourceVersion ??= "1";
        return virtualMachine;
    }

    public async Task DeleteVmAsync(string @namespace, string name, DeletePreconditions? preconditions, CancellationToken cancellationToken)
    {
        await Record("DeleteVm:" + name, @namespace, name, $"{preconditions?.Uid}|{preconditions?.ResourceVersion}");
        if (!_vms.TryRemove(Key(@namespace, name), out _))
        {
            throw new KubernetesApiException(404, "NotFound", $"virtualmachines.kubevirt.io \"{name}\" not found");
        }
    }

    public Task<V1Node?> GetNodeAsync(string name, CancellationToken cancellationToken) => Task.FromResult(_nodes.GetValueOrDefault(name));

    private Task Record(string operation, string @namespace, string name, string body)
    {
        if (Failures.TryGetValue(operation, out var failure))
        {
            throw failure;
        }

        _writes.Enqueue(new RecordedWrite(operation, @namespace, name, body));
        return Task.CompletedTask;
    }

    private static string Key(string @namespace, string name) => $"{@namespace}/{name}";
}

internal sealed record RecordedWrite(string Operation, string Namespace, string Name, string Body);
