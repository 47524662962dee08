namespace VmLifecycle.EndToEnd.Tests.TestSupport;

/// <summary>What the tests look at on a node besides the API: a VMI's serial console log and the node's libvirt domains.</summary>
internal interface INodeInspector
{
    /// <summary>Follows the serial log of the VMI (namespace, name, uid) on <paramref name="node"/> from its first byte, once it exists.</summary>
    Task<SerialLogFollower> FollowSerialLogAsync(string node, string ns, string name, string uid);

    /// <summary>The names of the libvirt domains <paramref name="node"/>'s libvirtd knows (running or defined).</summary>
    Task<IReadOnlyList<string>> DomainNamesAsync(string node);
}
