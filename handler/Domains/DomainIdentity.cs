using System.Xml.Linq;

namespace VmLifecycle.Handler.Domains;

/// <summary>
/// Who a domain belongs to, kept in the domain's own XML as a metadata element in our namespace: the VMI's namespace,
/// name and uid, and the node (handler) that created it. After a restart the handler adopts a domain only when the
/// uid matches the VMI, and touches only domains of its own node, since several handlers may share one libvirtd.
/// </summary>
internal sealed record DomainIdentity(string Namespace, string Name, string Uid, string Node)
{
    public const string NamespaceUri = "https://vm-lifecycle.kubevirt.io/xmlns/domain/v1";

    public const string Prefix = "vmlifecycle";

    private static readonly XNamespace _ns = NamespaceUri;

    public string DomainName => Domains.DomainName.For(Namespace, Name);

    public string Key => $"{Namespace}/{Name}";

    /// <summary>The metadata element, as it goes into the domain's &lt;metadata&gt;.</summary>
    public XElement ToElement() =>
        new(_ns + "instance",
            new XAttribute(XNamespace.Xmlns + Prefix, NamespaceUri),
            new XElement(_ns + "namespace", Namespace),
            new XElement(_ns + "name", Name),
            new XElement(_ns + "uid", Uid),
            new XElement(_ns + "node", Node));

    /// <summary>
    /// The element as virDomainSetMetadata takes it: without namespace, since libvirt puts it into the namespace of
    /// the URI and prefix it is given (and fails when the element declares that prefix itself).
    /// </summary>
    public string ToMetadataXml() =>
        new XElement("instance",
            new XElement("namespace", Namespace),
            new XElement("name", Name),
            new XElement("uid", Uid),
            new XElement("node", Node)).ToString(SaveOptions.DisableFormatting);

    /// <summary>Reads the element virDomainGetMetadata returns; null when it is missing or not ours.</summary>
    public static DomainIdentity? Parse(string? metadataXml)
    {
        if (string.IsNullOrWhiteSpace(metadataXml))
        {
            return null;
        }

        try
        {
            var root = XElement.Parse(metadataXml);
            // virDomainGetMetadata returns the element stripped of its namespace (the URI selected it already).
            string? Read(string element) => root.Elements().FirstOrDefault(e => e.Name.LocalName == element)?.Value;
            var ns = Read("namespace");
            var name = Read("name");
            var uid = Read("uid");
            var node = Read("node");
            return root.Name.LocalName == "instance" && !string.IsNullOrEmpty(ns) && !string.IsNullOrEmpty(name) && !string.IsNullOrEmpty(uid)
                ? new DomainIdentity(ns, name, uid, node ?? "")
                : null;
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }
}
