using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;


namespace VmLifecycle.LocalCluster.Pki;

/// <summary>A signing CA (certificate with its private key) that issues server and client certificates.</summary>
internal sealed class CertificateAuthority : IDisposable
{
    private static readonly TimeSpan _caValidity = TimeSpan.FromDays(3650);
    private static readonly TimeSpan _leafValidity = TimeSpan.FromDays(825);

    private CertificateAuthority(X509Certificate2 certificate)
    {
        Certificate = certificate;
    }

    /// <summary>The CA certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    public string CertificatePem => Certificate.ExportCertificatePem();

    public static CertificateAuthority Create(string commonName, TimeProvider time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={commonName}"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = time.GetUtcNow();
        return new CertificateAuthority(request.CreateSelfSigned(now.AddMinutes(-5), now.Add(_caValidity)));
    }

    public static CertificateAuthority FromPem(string certificatePem, string keyPem) =>
        new(X509Certificate2.CreateFromPem(certificatePem, keyPem));

    public string ExportKeyPem() => ExportPrivateKeyPem(Certificate);

    /// <summary>Issues a leaf certificate (with its new private key) signed by this CA.</summary>
    public X509Certificate2 Issue(CertificateProfile profile, TimeProvider time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(SubjectOf(profile), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        var usages = new OidCollection();
        if (profile.Usage.HasFlag(CertificateUsage.ServerAuth))
        {
            usages.Add(new Oid("1.3.6.1.5.5.7.3.1"));
        }

        if (profile.Usage.HasFlag(CertificateUsage.ClientAuth))
        {
            usages.Add(new Oid("1.3.6.1.5.5.7.3.2"));
        }

        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usages, false));
        if (profile.DnsNames.Count > 0 || profile.IpAddresses.Count > 0)
        {
            var sans = new SubjectAlternativeNameBuilder();
            foreach (var dns in profile.DnsNames)
            {
                sans.AddDnsName(dns);
            }

            foreach (var ip in profile.IpAddresses)
            {
                sans.AddIpAddress(ip);
            }

            request.CertificateExtensions.Add(sans.Build());
        }

        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        var now = time.GetUtcNow();
        var notAfter = now.Add(_leafValidity) < Certificate.NotAfter ? now.Add(_leafValidity) : new DateTimeOffset(Certificate.NotAfter.ToUniversalTime());
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(Certificate, now.AddMinutes(-5), notAfter, serial);
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>Whether the certificate was signed by this CA (chain built against this CA only), optionally for a usage.</summary>
    public bool HasIssued(X509Certificate2 certificate, CertificateUsage? usage = null)
    {
        using var chain = new X509Chain();
        if (usage is { } required)
        {
            chain.ChainPolicy.ApplicationPolicy.Add(new Oid(required == CertificateUsage.ClientAuth ? "1.3.6.1.5.5.7.3.2" : "1.3.6.1.5.5.7.3.1"));
        }

        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.NoFlag;
        return chain.Build(certificate);
    }

    public static string ExportPrivateKeyPem(X509Certificate2 certificate)
    {
        using var ecdsa = certificate.GetECDsaPrivateKey();
        if (ecdsa is not null)
        {
            return ecdsa.ExportPkcs8PrivateKeyPem();
        }

        using var rsa = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("The certificate has no private key.");
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    public void Dispose() => Certificate.Dispose();

    private static X500DistinguishedName SubjectOf(CertificateProfile profile)
    {
        var builder = new X500DistinguishedNameBuilder();
        foreach (var organization in profile.Organizations)
        {
            builder.AddOrganizationName(organization);
        }

        builder.AddCommonName(profile.CommonName);
        return builder.Build();
    }
}
