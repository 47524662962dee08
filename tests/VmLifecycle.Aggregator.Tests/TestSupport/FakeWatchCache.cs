using System.Collections.Concurrent;
using k8s.Models;
using VmLifecycle.Aggregator.Caching;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Tests.TestSupport;

/// <summary>A watch cache whose content the test sets, stale on purpose where it must be.</summary>
internal sealed class FakeWatchCache : IWatchCache
{
    private readonly ConcurrentDictionary<string, VirtualMachineInstance> _vmis = new();
    private readonly ConcurrentDictionary<string, VirtualMachine> _vms = new();
    private readonly ConcurrentDictionary<string, V1Node> _nodes = new();
    private readonly ConcurrentQueue<VirtualMachineInstance> _superseded = new();

    public bool IsSynced { get; set; } = true;

    public IReadOnlyList<VirtualMachineInstance> SupersededVmis => [.. _superseded];

    public FakeWatchCache Add(VirtualMachineInstance vmi)
    {
        _vmis[Key(vmi.Metadata.NamespaceProperty, vmi.Metadata.Name)] = vmi;
        return this;
    }

    public FakeWatchCache Add(VirtualMachine vm)
    {
        _vms[Key(vm.Metadata.NamespaceProperty, vm.Metadata.Name)] = vm;
        return this;
    }

    public FakeWatchCache Add(V1Node node)
    {
        _nodes[node.Metadata.Name] = node;
        return this;
    }

    public VirtualMachineInstance? GetVmi(string @namespace, string name) => _vmis.GetValueOrDefault(Key(@namespace, name));

    public bool TryGetVm(string @namespace, string name, out VirtualMachine? vm)
    {
        vm = _vms.GetValueOrDefault(Key(@namespace, name));
        return vm is not null || IsSynced;
    }

    public V1Node? GetNode(string name) => _nodes.GetValueOrDefault(name);

    public void Superseded(VirtualMachineInstance vmi) => _superseded.Enqueue(vmi);

    private static string Key(string @namespace, string name) => $"{@namespace}/{name}";
}
