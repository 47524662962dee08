namespace VmLifecycle.Handler.Domains;

/// <summary>
/// The libvirt domain name of a VirtualMachineInstance: <c>{namespace}_{name}</c>. Kubernetes names and namespaces
/// never contain '_', so the name splits back unambiguously, and a VMI maps to exactly one domain name on a host:
/// libvirt itself then refuses a second domain for the same VMI.
/// </summary>
internal static class DomainName
{
    public const char Separator = '_';

    public static string For(string @namespace, string name) => $"{@namespace}{Separator}{name}";

    public static bool TryParse(string domainName, out string @namespace, out string name)
    {
        var separator = domainName.IndexOf(Separator, StringComparison.Ordinal);
        if (separator <= 0 || separator == domainName.Length - 1)
        {
            @namespace = name = "";
            return false;
        }

        @namespace = domainName[..separator];
        name = domainName[(separator + 1)..];
        return true;
    }
}
