using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace VmLifecycle.EndToEnd.Tests.TestSupport;

/// <summary>Client certificates for the tests: issued by one of the stack's CAs (PEM files) or by a CA of their own.</summary>
internal static class TestCertificates
{
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    public static X509Certificate2 LoadAuthority(string certificateFile, string keyFile) =>
        X509Certificate2.CreateFromPemFile(certificateFile, keyFile);

    /// <summary>A CA nobody in the stack trusts.</summary>
    public static X509Certificate2 CreateUntrustedAuthority()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=untrusted-test-ca", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    /// <summary>A client certificate (EKU clientAuth) with CN = user and O = groups, signed by the authority.</summary>
    public static X509Certificate2 IssueClient(X509Certificate2 authority, string user, params string[] groups)
    {
        var subject = string.Join(", ", new[] { $"CN={user}" }.Concat(groups.Select(group => $"O={group}")));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ClientAuthentication], false));
        if (authority.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Any())
        {
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        }

        var generator = authority.GetRSAPrivateKey() is { } rsa
            ? X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1)
            : X509SignatureGenerator.CreateForECDsa(authority.GetECDsaPrivateKey() ?? throw new InvalidOperationException("the authority has no private key"));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var certificate = request.Create(authority.SubjectName, generator, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1), serial);
        return certificate.CopyWithPrivateKey(key);
    }
}
