using System.Net;

namespace VmLifecycle.LocalCluster.Pki;

/// <summary>What a certificate to issue says: subject CN and O, SANs and whether it serves or authenticates a client.</summary>
internal sealed record CertificateProfile(
    string CommonName,
    IReadOnlyList<string> Organizations,
    IReadOnlyList<string> DnsNames,
    IReadOnlyList<IPAddress> IpAddresses,
    CertificateUsage Usage)
{
    public static CertificateProfile Client(string commonName, params string[] organizations) =>
        new(commonName, organizations, [], [], CertificateUsage.ClientAuth);

    public static CertificateProfile Server(string commonName, IReadOnlyList<string> dnsNames, IReadOnlyList<IPAddress> ipAddresses) =>
        new(commonName, [], dnsNames, ipAddresses, CertificateUsage.ServerAuth);
}
