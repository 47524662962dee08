namespace VmLifecycle.Api;

/// <summary>API groups and versions served by VmLifecycle, as KubeVirt names them.</summary>
public static class KubeVirtGroup
{
    /// <summary>The group of the VirtualMachine and VirtualMachineInstance resources.</summary>
    public const string Name = "kubevirt.io";

    /// <summary>The served and stored version of <see cref="Name"/>.</summary>
    public const string Version = "v1";

    /// <summary><c>kubevirt.io/v1</c>, the apiVersion of every object in this group.</summary>
    public const string ApiVersion = Name + "/" + Version;

    /// <summary>The group of the lifecycle subresources served by the aggregator.</summary>
    public const string SubresourceName = "subresources.kubevirt.io";

    /// <summary><c>subresources.kubevirt.io/v1</c>.</summary>
    public const string SubresourceApiVersion = SubresourceName + "/" + Version;
}
