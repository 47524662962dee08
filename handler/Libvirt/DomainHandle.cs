using System.Runtime.InteropServices;

namespace VmLifecycle.Handler.Libvirt;

/// <summary>A virDomainPtr; releasing it frees the reference (virDomainFree), never the domain itself.</summary>
internal sealed class DomainHandle : SafeHandle
{
    public DomainHandle()
        : base(0, ownsHandle: true)
    {
    }

    internal DomainHandle(nint existing)
        : base(0, ownsHandle: true) => SetHandle(existing);

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle() => LibvirtNative.virDomainFree(handle) >= 0;
}
