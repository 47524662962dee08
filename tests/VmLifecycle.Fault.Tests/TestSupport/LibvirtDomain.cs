namespace VmLifecycle.Fault.Tests.TestSupport;

/// <summary>A domain as virsh lists it: its UUID (the VMI's uid), its name (namespace_name) and whether it runs.</summary>
internal sealed record LibvirtDomain(string Uuid, string Name, bool Active);
