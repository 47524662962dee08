using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Handler.Domains;

namespace VmLifecycle.Handler.Lifecycle;

/// <summary>The work-queue key of a VMI: <c>namespace/name</c>.</summary>
internal static class VmiKey
{
    public static string For(string @namespace, string name) => $"{@namespace}/{name}";

    public static string For(VirtualMachineInstance vmi) => For(vmi.Metadata.NamespaceProperty ?? "default", vmi.Metadata.Name);

    public static string? ForDomain(string domainName) =>
        DomainName.TryParse(domainName, out var ns, out var name) ? For(ns, name) : null;

    public static (string Namespace, string Name) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (key[..slash], key[(slash + 1)..]);
    }
}
