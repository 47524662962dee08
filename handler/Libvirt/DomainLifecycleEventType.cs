namespace VmLifecycle.Handler.Libvirt;

/// <summary>virDomainEventType: what happened to a domain.</summary>
internal enum DomainLifecycleEventType
{
    Defined = 0,
    Undefined = 1,
    Started = 2,
    Suspended = 3,
    Resumed = 4,
    Stopped = 5,
    Shutdown = 6,
    PmSuspended = 7,
    Crashed = 8,
}
