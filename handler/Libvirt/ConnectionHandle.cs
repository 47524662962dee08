using System.Runtime.InteropServices;

namespace VmLifecycle.Handler.Libvirt;

/// <summary>A virConnectPtr; closing the handle drops this process's reference (virConnectClose).</summary>
internal sealed class ConnectionHandle : SafeHandle
{
    public ConnectionHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle() => LibvirtNative.virConnectClose(handle) >= 0;
}
