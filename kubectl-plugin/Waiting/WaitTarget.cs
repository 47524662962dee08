using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;
using VmLifecycle.KubectlPlugin.Http;

namespace VmLifecycle.KubectlPlugin.Waiting;

/// <summary>What to wait for: one object (by resource and name), and the test of its current state (null = absent).</summary>
internal sealed record WaitTarget(string Plural, string Name, string Description, Func<WatchEvent, object?> ReadEvent, Func<object?, WaitState> Evaluate)
{
    public static WaitTarget ForVirtualMachine(string name, string description, Func<VirtualMachine?, WaitState> evaluate) =>
        new(VirtualMachine.KubePluralName, name, description, e => KubeVirtClient.Read<VirtualMachine>(e), o => evaluate(o as VirtualMachine));

    public static WaitTarget ForInstance(string name, string description, Func<VirtualMachineInstance?, WaitState> evaluate) =>
        new(VirtualMachineInstance.KubePluralName, name, description, e => KubeVirtClient.Read<VirtualMachineInstance>(e), o => evaluate(o as VirtualMachineInstance));
}
