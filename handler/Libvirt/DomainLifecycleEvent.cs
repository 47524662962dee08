namespace VmLifecycle.Handler.Libvirt;

/// <summary>
/// One VIR_DOMAIN_EVENT_ID_LIFECYCLE event. <see cref="Detail"/> is the event-specific virDomainEvent*DetailType value,
/// for example VIR_DOMAIN_EVENT_STOPPED_CRASHED (2) for <see cref="DomainLifecycleEventType.Stopped"/>.
/// </summary>
internal sealed record DomainLifecycleEvent(string DomainName, string Uuid, DomainLifecycleEventType Type, int Detail)
{
    /// <summary>
    /// VIR_DOMAIN_EVENT_SUSPENDED_PAUSED and VIR_DOMAIN_EVENT_RESUMED_UNPAUSED: a pause or unpause asked through the API
    /// (not an I/O error, a migration or a snapshot).
    /// </summary>
    public const int PausedOrUnpaused = 0;

    /// <summary>VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN.</summary>
    public const int StoppedShutdown = 0;

    /// <summary>VIR_DOMAIN_EVENT_STOPPED_DESTROYED.</summary>
    public const int StoppedDestroyed = 1;

    /// <summary>VIR_DOMAIN_EVENT_STOPPED_CRASHED.</summary>
    public const int StoppedCrashed = 2;
}
