using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace VmLifecycle.Handler.Tests.Infrastructure;

/// <summary>
/// A throw-away PKI in a temporary directory: a client CA with the aggregator's client certificate, a server
/// certificate for localhost, and a client certificate of an unrelated CA (which the handler must refuse).
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    private TestCertificates(string directory) => Directory = directory;

    public string Directory { get; }

    public string ServerCertificateFile => Path.Combine(Directory, "tls.crt");

    public string ServerKeyFile => Path.Combine(Directory, "tls.key");

    public string ClientCaFile => Path.Combine(Directory, "client-ca.crt");

    public required X509Certificate2 ServerCa { get; init; }

    public required X509Certificate2 Client { get; init; }

    public required X509Certificate2 RogueClient { get; init; }

    public static TestCertificates Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), "handler-pki-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        using var clientCa = CreateCa("client-ca");
        using var serverCa = CreateCa("server-ca");
        using var rogueCa = CreateCa("rogue-ca");
        using var server = Issue(serverCa, "localhost", serverAuth: true);
        var certificates = new TestCertificates(directory)
        {
            ServerCa = X509CertificateLoader.LoadCertificate(serverCa.RawData),
            Client = Issue(clientCa, "aggregator", serverAuth: false),
            RogueClient = Issue(rogueCa, "aggregator", serverAuth: false),
        };
        File.WriteAllText(certificates.ServerCertificateFile, server.ExportCertificatePem());
        File.WriteAllText(certificates.ServerKeyFile, server.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(certificates.ClientCaFile, clientCa.ExportCertificatePem());
        return certificates;
    }

    public void Dispose()
    {
        ServerCa.Dispose();
        Client.Dispose();
        RogueClient.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static X509Certificate2 CreateCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(2));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string name, bool serverAuth)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName(name);
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1), serial);
        using var withKey = issued.CopyWithPrivateKey(key);

        // Round-trip through PKCS#12 so the key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
