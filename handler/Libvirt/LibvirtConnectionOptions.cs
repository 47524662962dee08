namespace VmLifecycle.Handler.Libvirt;

/// <summary>How the handler reaches libvirt.</summary>
internal sealed class LibvirtConnectionOptions
{
    public string Uri { get; set; } = "qemu:///system";

    /// <summary>First pause between reconnect attempts; it doubles up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan InitialReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// At most this long between attempts: a restarted libvirtd is back within seconds, and until the handler reconnects
    /// no domain event is seen and no pause is served.
    /// </summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(2);
}
