namespace VmLifecycle.Api.Conventions;

/// <summary>Labels VmLifecycle's components write and select on.</summary>
public static class Labels
{
    /// <summary>On a Node: "true" while a handler runs there and accepts VirtualMachineInstances (KubeVirt's kubevirt.io/schedulable).</summary>
    public const string HandlerNode = "vm-lifecycle.kubevirt.io/handler-node";

    /// <summary>Value of <see cref="HandlerNode"/> on nodes that accept VirtualMachineInstances.</summary>
    public const string HandlerNodeTrue = "true";

    /// <summary>
    /// On a VirtualMachineInstance: the node it is scheduled to, as KubeVirt labels it, so that a handler watches only its own
    /// VMIs with a label selector.
    /// </summary>
    public const string NodeName = "kubevirt.io/nodeName";
}
