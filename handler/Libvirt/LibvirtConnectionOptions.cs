namespace VmLifecycle.Handler.Libvirt;

/// <summary>How the handler reaches libvirt.</summary>
internal sealed class LibvirtConnectionOptions
{
    public string Uri { get; set; } = "qemu:///system";

    /// <summary>First pause between reconnect attempts; it doubles up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan InitialReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(10);
}
