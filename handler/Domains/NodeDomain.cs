using VmLifecycle.Handler.Libvirt;

namespace VmLifecycle.Handler.Domains;

/// <summary>A libvirt domain as the handler sees it: its name, state and, when it is one of ours, its identity.</summary>
internal sealed record NodeDomain(string DomainName, DomainIdentity? Identity, DomainStatus Status);
