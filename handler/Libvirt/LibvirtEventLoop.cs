using System.Runtime.InteropServices;

namespace VmLifecycle.Handler.Libvirt;

/// <summary>
/// libvirt's default event loop, which delivers domain events, close callbacks and keepalives. It is process-wide in
/// libvirt (virEventRegisterDefaultImpl must run once, before the first connection is opened), so it is process-wide
/// here: one background thread running virEventRunDefaultImpl for the life of the process.
/// </summary>
internal static class LibvirtEventLoop
{
    private static readonly Lock _gate = new();
    private static Thread? _thread;

    public static void EnsureRunning()
    {
        lock (_gate)
        {
            if (_thread is not null)
            {
                return;
            }

            LibvirtErrorSilencer.Install();
            if (LibvirtNative.virInitialize() < 0 || LibvirtNative.virEventRegisterDefaultImpl() < 0)
            {
                throw LibvirtException.FromLastError("virEventRegisterDefaultImpl");
            }

            AddWakeUpTimer();
            _thread = new Thread(Run) { IsBackground = true, Name = "libvirt-event-loop" };
            _thread.Start();
        }
    }

    // A periodic no-op timer keeps each iteration short, so registrations from other threads are picked up promptly.
    private static unsafe void AddWakeUpTimer() =>
        _ = LibvirtNative.virEventAddTimeout(1000, &OnWakeUp, 0, 0);

    [UnmanagedCallersOnly]
    private static void OnWakeUp(int timer, nint opaque)
    {
    }

    private static void Run()
    {
        while (true)
        {
            if (LibvirtNative.virEventRunDefaultImpl() < 0)
            {
                // Nothing to report to: the error is cleared and the loop goes on, as virsh's event loop does.
                LibvirtNative.virResetLastError();
                Thread.Sleep(100);
            }
        }
    }
}
