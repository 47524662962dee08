namespace VmLifecycle.Handler.Libvirt;

/// <summary>The reasons virDomainGetState reports for the states the handler distinguishes.</summary>
internal static class DomainStateReasons
{
    /// <summary>VIR_DOMAIN_PAUSED_USER: suspended through the API, or started paused.</summary>
    public const int PausedUser = 1;

    /// <summary>VIR_DOMAIN_PAUSED_MIGRATION.</summary>
    public const int PausedMigration = 2;

    /// <summary>VIR_DOMAIN_PAUSED_IOERROR.</summary>
    public const int PausedIoError = 5;

    /// <summary>VIR_DOMAIN_PAUSED_CRASHED: a guest panic, shortly before on_crash destroys the domain.</summary>
    public const int PausedCrashed = 10;

    /// <summary>VIR_DOMAIN_SHUTOFF_SHUTDOWN: the guest powered off.</summary>
    public const int ShutoffShutdown = 1;

    /// <summary>VIR_DOMAIN_SHUTOFF_DESTROYED: destroyed through the API.</summary>
    public const int ShutoffDestroyed = 2;

    /// <summary>VIR_DOMAIN_SHUTOFF_CRASHED: the guest crashed (panic with on_crash destroy).</summary>
    public const int ShutoffCrashed = 3;

    /// <summary>VIR_DOMAIN_SHUTOFF_FAILED: QEMU failed to start or died.</summary>
    public const int ShutoffFailed = 6;

    /// <summary>VIR_DOMAIN_SHUTOFF_DAEMON: libvirtd restarted and found QEMU gone.</summary>
    public const int ShutoffDaemon = 8;
}
