using System.Runtime.InteropServices;

namespace VmLifecycle.Handler.Libvirt;

/// <summary>A failed libvirt call, with libvirt's error code (virErrorNumber), domain (virErrorDomain) and message.</summary>
internal sealed class LibvirtException : Exception
{
    public LibvirtException(string operation, LibvirtErrorCode code, int errorDomain, string libvirtMessage)
        : base($"{operation}: {libvirtMessage} (code {(int)code}, domain {errorDomain})")
    {
        Operation = operation;
        Code = code;
        ErrorDomain = errorDomain;
        LibvirtMessage = libvirtMessage;
    }

    public LibvirtException()
        : this("libvirt", LibvirtErrorCode.InternalError, 0, "unknown error")
    {
    }

    public LibvirtException(string message)
        : this("libvirt", LibvirtErrorCode.InternalError, 0, message)
    {
    }

    public LibvirtException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = "libvirt";
        LibvirtMessage = message;
        Code = LibvirtErrorCode.InternalError;
    }

    public string Operation { get; }

    public LibvirtErrorCode Code { get; }

    public int ErrorDomain { get; }

    public string LibvirtMessage { get; }

    /// <summary>The domain does not exist (any more).</summary>
    public bool IsNoDomain => Code is LibvirtErrorCode.NoDomain;

    /// <summary>
    /// The connection is gone: libvirtd restarted or the socket broke. Reconnecting, not the caller, fixes it.
    /// </summary>
    public bool IsConnectionLost => Code is LibvirtErrorCode.NoConnect or LibvirtErrorCode.InvalidConnection or LibvirtErrorCode.Rpc;

    /// <summary>Reads virGetLastError of the calling thread; call it right after the failed call, on the same thread.</summary>
    public static LibvirtException FromLastError(string operation)
    {
        var error = LibvirtNative.virGetLastError();
        if (error == 0)
        {
            return new LibvirtException(operation, LibvirtErrorCode.InternalError, 0, "failed without an error report");
        }

        var native = Marshal.PtrToStructure<NativeError>(error);
        var message = native.Message == 0 ? "no message" : Marshal.PtrToStringUTF8(native.Message) ?? "no message";
        LibvirtNative.virResetLastError();
        return new LibvirtException(operation, (LibvirtErrorCode)native.Code, native.Domain, message);
    }

    /// <summary>The leading members of virError (code, domain, message); the rest is not read.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct NativeError
    {
        public int Code;
        public int Domain;
        public nint Message;
    }
}
