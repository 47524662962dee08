namespace VmLifecycle.Handler.Libvirt;

/// <summary>A domain as listed: its name, UUID, state, and our metadata element (null when the domain has none).</summary>
internal sealed record DomainInfo(string Name, string Uuid, DomainStatus Status, string? Metadata);
