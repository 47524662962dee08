using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using VmLifecycle.ChartRender.Templates;

namespace VmLifecycle.ChartRender.Certificates;

/// <summary>
/// Sprig's genCA, genSignedCert and genPrivateKey: RSA 2048 keys (PKCS#1 PEM, as Sprig writes them), a CA valid for
/// the given days, and certificates for server and client authentication signed by it. Results are maps with the
/// fields <c>Cert</c> and <c>Key</c>.
/// </summary>
internal sealed class CertificateGenerator(TimeProvider time)
{
    public Dictionary<string, object?> GenerateCertificateAuthority(string commonName, int days)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = time.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(days));
        return Pair(certificate.ExportCertificatePem(), key.ExportRSAPrivateKeyPem());
    }

    public Dictionary<string, object?> GenerateSignedCertificate(
        string commonName, IReadOnlyList<string> addresses, IReadOnlyList<string> dnsNames, int days, object? authority)
    {
        if (authority is not IDictionary<string, object?> ca
            || !ca.TryGetValue("Cert", out var certificateValue) || certificateValue is not string caPem
            || !ca.TryGetValue("Key", out var keyValue) || keyValue is not string caKeyPem)
        {
            throw new TemplateException("genSignedCert: the CA must come from genCA");
        }

        using var issuer = X509Certificate2.CreateFromPem(caPem, caKeyPem);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        if (addresses.Count + dnsNames.Count > 0)
        {
            var names = new SubjectAlternativeNameBuilder();
            foreach (var address in addresses)
            {
                names.AddIpAddress(IPAddress.Parse(address));
            }

            foreach (var dnsName in dnsNames)
            {
                names.AddDnsName(dnsName);
            }

            request.CertificateExtensions.Add(names.Build());
        }

        var now = time.GetUtcNow();
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        var notAfter = now.AddDays(days) < issuer.NotAfter ? now.AddDays(days) : new DateTimeOffset(issuer.NotAfter);
        using var certificate = request.Create(issuer, now.AddMinutes(-5), notAfter, serial);
        return Pair(certificate.ExportCertificatePem(), key.ExportRSAPrivateKeyPem());
    }

    public static string GeneratePrivateKey(string algorithm)
    {
        if (algorithm is not ("rsa" or ""))
        {
            throw new TemplateException($"genPrivateKey: only rsa is supported by chart-render, not {algorithm}");
        }

        using var key = RSA.Create(4096);
        return key.ExportRSAPrivateKeyPem();
    }

    private static Dictionary<string, object?> Pair(string certificate, string key) =>
        new(StringComparer.Ordinal) { ["Cert"] = certificate + "\n", ["Key"] = key + "\n" };
}
