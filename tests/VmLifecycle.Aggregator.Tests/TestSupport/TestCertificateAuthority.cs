using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace VmLifecycle.Aggregator.Tests.TestSupport;

/// <summary>A certificate authority made in memory with CertificateRequest, issuing client, server and intermediate certificates.</summary>
internal sealed class TestCertificateAuthority : IDisposable
{
    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

    private TestCertificateAuthority(X509Certificate2 certificate) => Certificate = certificate;

    public X509Certificate2 Certificate { get; }

    public string CertificatePem => Certificate.ExportCertificatePem();

    public static TestCertificateAuthority Create(string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return new TestCertificateAuthority(request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1)));
    }

    /// <summary>An intermediate CA signed by this one.</summary>
    public TestCertificateAuthority CreateIntermediate(string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        using var issued = request.Create(Certificate, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddMonths(6), Serial());
        return new TestCertificateAuthority(issued.CopyWithPrivateKey(key));
    }

    /// <summary>A client certificate; <paramref name="usages"/> are the extended key usage OIDs (null = no EKU extension).</summary>
    public X509Certificate2 IssueClient(string commonName, string[]? usages = null, DateTimeOffset? notAfter = null) =>
        Issue(commonName, usages ?? [ClientAuthOid], [], notAfter);

    public X509Certificate2 IssueClientWithoutExtendedKeyUsage(string commonName) => Issue(commonName, null, [], null);

    public X509Certificate2 IssueServerOnly(string commonName) => Issue(commonName, [ServerAuthOid], [], null);

    public X509Certificate2 IssueServer(string commonName, params string[] names) => Issue(commonName, [ServerAuthOid, ClientAuthOid], names, null);

    public void Dispose() => Certificate.Dispose();

    private X509Certificate2 Issue(string commonName, string[]? usages, string[] names, DateTimeOffset? notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        if (usages is not null)
        {
            var oids = new OidCollection();
            foreach (var usage in usages)
            {
                oids.Add(new Oid(usage));
            }

            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(oids, false));
        }

        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        if (names.Length > 0)
        {
            var san = new SubjectAlternativeNameBuilder();
            foreach (var name in names)
            {
                if (IPAddress.TryParse(name, out var address))
                {
                    san.AddIpAddress(address);
                }
                else
                {
                    san.AddDnsName(name);
                }
            }

            request.CertificateExtensions.Add(san.Build());
        }

        var notBefore = DateTimeOffset.UtcNow.AddMinutes(-5);
        using var issued = request.Create(Certificate, notBefore, notAfter ?? DateTimeOffset.UtcNow.AddMonths(3), Serial());
        return issued.CopyWithPrivateKey(key);
    }

    private static byte[] Serial() => RandomNumberGenerator.GetBytes(16);
}
