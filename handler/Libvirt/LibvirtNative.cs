using System.Runtime.InteropServices;

namespace VmLifecycle.Handler.Libvirt;

/// <summary>
/// The libvirt C API entry points the handler uses (libvirt.so.0, stable ABI since 0.x). Signatures are blittable after
/// source generation: strings in are UTF-8 marshalled, strings out are raw pointers that the callers read (and free
/// where libvirt hands over ownership). Every call that can fail is followed, on the same thread, by
/// <see cref="LibvirtException.FromLastError"/>, because libvirt keeps the last error in thread-local storage.
/// </summary>
internal static partial class LibvirtNative
{
    public const string Library = "libvirt.so.0";

    [LibraryImport(Library)]
    public static partial int virInitialize();

    [LibraryImport(Library)]
    public static unsafe partial void virSetErrorFunc(nint userData, delegate* unmanaged<nint, nint, void> handler);

    [LibraryImport(Library)]
    public static partial nint virGetLastError();

    [LibraryImport(Library)]
    public static partial void virResetLastError();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial ConnectionHandle virConnectOpen(string uri);

    [LibraryImport(Library)]
    public static partial int virConnectClose(nint connection);

    [LibraryImport(Library)]
    public static partial int virConnectIsAlive(ConnectionHandle connection);

    [LibraryImport(Library)]
    public static partial int virConnectSetKeepAlive(ConnectionHandle connection, int interval, uint count);

    [LibraryImport(Library)]
    public static unsafe partial int virConnectRegisterCloseCallback(
        ConnectionHandle connection, delegate* unmanaged<nint, int, nint, void> callback, nint opaque, nint freeCallback);

    [LibraryImport(Library)]
    public static unsafe partial int virConnectUnregisterCloseCallback(ConnectionHandle connection, delegate* unmanaged<nint, int, nint, void> callback);

    [LibraryImport(Library)]
    public static partial int virEventRegisterDefaultImpl();

    [LibraryImport(Library)]
    public static partial int virEventRunDefaultImpl();

    [LibraryImport(Library)]
    public static unsafe partial int virEventAddTimeout(int frequencyMilliseconds, delegate* unmanaged<int, nint, void> callback, nint opaque, nint freeCallback);

    [LibraryImport(Library)]
    public static partial int virEventRemoveTimeout(int timer);

    [LibraryImport(Library)]
    public static partial int virConnectDomainEventRegisterAny(
        ConnectionHandle connection, nint domain, int eventId, nint callback, nint opaque, nint freeCallback);

    [LibraryImport(Library)]
    public static partial int virConnectDomainEventDeregisterAny(ConnectionHandle connection, int callbackId);
}
