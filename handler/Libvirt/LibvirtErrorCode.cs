namespace VmLifecycle.Handler.Libvirt;

/// <summary>The virErrorNumber values the handler acts on (libvirt's virerror.h).</summary>
internal enum LibvirtErrorCode
{
    Ok = 0,
    InternalError = 1,
    NoSupport = 3,
    NoConnect = 5,
    InvalidConnection = 6,
    InvalidDomain = 7,
    InvalidArgument = 8,
    OperationFailed = 9,
    XmlError = 27,
    DomainExists = 28,
    SystemError = 38,
    Rpc = 39,
    NoDomain = 42,
    OperationInvalid = 55,
    NoDomainMetadata = 80,
}
