using System.Runtime.InteropServices;
using System.Threading.Channels;

namespace VmLifecycle.Handler.Libvirt;

/// <summary>
/// The native callbacks libvirt calls on its event-loop thread. Their opaque pointer is a GCHandle to the managed
/// receiver, freed by libvirt's free callback once libvirt has really dropped the registration.
/// </summary>
internal static class DomainEventCallbacks
{
    /// <summary>VIR_DOMAIN_EVENT_ID_LIFECYCLE.</summary>
    public const int LifecycleEventId = 0;

    public static unsafe nint Lifecycle => (nint)(delegate* unmanaged<nint, nint, int, int, nint, int>)&OnLifecycle;

    public static unsafe nint FreeOpaque => (nint)(delegate* unmanaged<nint, void>)&OnFreeOpaque;

    [UnmanagedCallersOnly]
    private static unsafe int OnLifecycle(nint connection, nint domain, int eventType, int detail, nint opaque)
    {
        try
        {
            if (GCHandle.FromIntPtr(opaque).Target is not ChannelWriter<DomainLifecycleEvent> writer)
            {
                return 0;
            }

            var name = Marshal.PtrToStringUTF8(LibvirtNative.virDomainGetName(domain)) ?? "";
            var buffer = stackalloc byte[LibvirtNative.UuidStringBufferLength];
            var uuid = LibvirtNative.virDomainGetUUIDString(domain, buffer) == 0 ? Marshal.PtrToStringUTF8((nint)buffer) ?? "" : "";
            writer.TryWrite(new DomainLifecycleEvent(name, uuid, (DomainLifecycleEventType)eventType, detail));
        }
        catch (Exception)
        {
            // An exception must never unwind into libvirt's C frames; a lost event is repaired by the periodic resync.
        }

        return 0;
    }

    [UnmanagedCallersOnly]
    private static void OnFreeOpaque(nint opaque)
    {
        if (opaque != 0)
        {
            GCHandle.FromIntPtr(opaque).Free();
        }
    }
}
