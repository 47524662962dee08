using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace VmLifecycle.LocalCluster.Tests.Security;

/// <summary>A throwaway CA for tests: issues client and serving certificates with CertificateRequest.</summary>
internal sealed class TestCertificateAuthority : IDisposable
{
    public const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";
    public const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

    private TestCertificateAuthority(X509Certificate2 certificate) => Certificate = certificate;

    public X509Certificate2 Certificate { get; }

    public string Pem => Certificate.ExportCertificatePem();

    public X509Certificate2Collection AsCollection() => [X509CertificateLoader.LoadCertificate(Certificate.RawData)];

    public static TestCertificateAuthority Create(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return new TestCertificateAuthority(request.CreateSelfSigned(now.AddDays(-30), now.AddYears(5)));
    }

    /// <summary>A client certificate: CN = user, one O per group; EKU clientAuth unless other usages are given (empty: no EKU extension).</summary>
    public X509Certificate2 IssueClient(
        string commonName,
        string[]? organizations = null,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? notAfter = null,
        string[]? extendedKeyUsages = null)
    {
        var subject = new X500DistinguishedNameBuilder();
        foreach (var organization in organizations ?? [])
        {
            subject.AddOrganizationName(organization);
        }

        subject.AddCommonName(commonName);
        return Issue(subject.Build(), extendedKeyUsages ?? [ClientAuthOid], null, notBefore, notAfter);
    }

    /// <summary>A serving certificate with the given DNS and IP SANs.</summary>
    public X509Certificate2 IssueServer(string commonName, string[] dnsNames, IPAddress[] addresses)
    {
        var names = new SubjectAlternativeNameBuilder();
        foreach (var dns in dnsNames)
        {
            names.AddDnsName(dns);
        }

        foreach (var address in addresses)
        {
            names.AddIpAddress(address);
        }

        return Issue(new X500DistinguishedName($"CN={commonName}"), [ServerAuthOid], names.Build(), null, null);
    }

    private X509Certificate2 Issue(
        X500DistinguishedName subject, string[] extendedKeyUsages, X509Extension? subjectAlternativeNames, DateTimeOffset? notBefore, DateTimeOffset? notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        if (extendedKeyUsages.Length > 0)
        {
            var usages = new OidCollection();
            foreach (var oid in extendedKeyUsages)
            {
                usages.Add(new Oid(oid));
            }

            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usages, false));
        }

        if (subjectAlternativeNames is not null)
        {
            request.CertificateExtensions.Add(subjectAlternativeNames);
        }

        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        var now = DateTimeOffset.UtcNow;
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using var issued = request.Create(Certificate, notBefore ?? now.AddDays(-1), notAfter ?? now.AddDays(30), serial);
        using var withKey = issued.CopyWithPrivateKey(key);

        // Round-trip through PKCS#12 so the key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    public void Dispose() => Certificate.Dispose();
}
