using System.Runtime.InteropServices;

namespace VmLifecycle.Handler.Libvirt;

/// <summary>Domain calls of the libvirt C API.</summary>
internal static partial class LibvirtNative
{
    /// <summary>VIR_UUID_STRING_BUFLEN: 36 characters and the terminating NUL.</summary>
    public const int UuidStringBufferLength = 37;

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial DomainHandle virDomainDefineXML(ConnectionHandle connection, string xml);

    [LibraryImport(Library)]
    public static partial int virDomainCreateWithFlags(DomainHandle domain, uint flags);

    [LibraryImport(Library)]
    public static partial int virDomainUndefineFlags(DomainHandle domain, uint flags);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial DomainHandle virDomainLookupByName(ConnectionHandle connection, string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial DomainHandle virDomainLookupByUUIDString(ConnectionHandle connection, string uuid);

    [LibraryImport(Library)]
    public static unsafe partial int virConnectListAllDomains(ConnectionHandle connection, nint** domains, uint flags);

    [LibraryImport(Library)]
    public static partial int virDomainFree(nint domain);

    [LibraryImport(Library)]
    public static partial nint virDomainGetName(nint domain);

    [LibraryImport(Library)]
    public static unsafe partial int virDomainGetUUIDString(nint domain, byte* buffer);

    [LibraryImport(Library)]
    public static unsafe partial int virDomainGetState(DomainHandle domain, int* state, int* reason, uint flags);

    [LibraryImport(Library)]
    public static partial nint virDomainGetXMLDesc(DomainHandle domain, uint flags);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint virDomainGetMetadata(DomainHandle domain, int type, string? uri, uint flags);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int virDomainSetMetadata(DomainHandle domain, int type, string? metadata, string? key, string? uri, uint flags);

    [LibraryImport(Library)]
    public static partial int virDomainShutdownFlags(DomainHandle domain, uint flags);

    [LibraryImport(Library)]
    public static partial int virDomainDestroyFlags(DomainHandle domain, uint flags);

    [LibraryImport(Library)]
    public static partial int virDomainSuspend(DomainHandle domain);

    [LibraryImport(Library)]
    public static partial int virDomainResume(DomainHandle domain);
}
