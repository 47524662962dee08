using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace VmLifecycle.KubectlPlugin.Tests.TestSupport;

/// <summary>A throw-away CA with a server certificate for 127.0.0.1/localhost and a client certificate, as PEM files in a folder.</summary>
internal sealed class TestPki
{
    private TestPki(string directory, X509Certificate2 ca, X509Certificate2 server, X509Certificate2 client)
    {
        Directory = directory;
        Ca = ca;
        Server = server;
        Client = client;
    }

    public string Directory { get; }

    public X509Certificate2 Ca { get; }

    /// <summary>The server certificate with its private key, for Kestrel.</summary>
    public X509Certificate2 Server { get; }

    public X509Certificate2 Client { get; }

    public string CaFile => Path.Combine(Directory, "ca.crt");

    public string ClientCertificateFile => Path.Combine(Directory, "client.crt");

    public string ClientKeyFile => Path.Combine(Directory, "client.key");

    public static TestPki Create(string directory, string clientCommonName = "alice")
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=kubectl-virt-test-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        var server = Issue(ca, "CN=127.0.0.1", now, request =>
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            san.AddDnsName("localhost");
            request.CertificateExtensions.Add(san.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        }, out var serverKey);
        var client = Issue(ca, "CN=" + clientCommonName, now, request =>
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false)), out var clientKey);

        System.IO.Directory.CreateDirectory(directory);
        var pki = new TestPki(directory, ca, X509CertificateLoader.LoadPkcs12(server.CopyWithPrivateKey(serverKey).Export(X509ContentType.Pkcs12), null), client);
        File.WriteAllText(pki.CaFile, ca.ExportCertificatePem());
        File.WriteAllText(pki.ClientCertificateFile, client.ExportCertificatePem());
        File.WriteAllText(pki.ClientKeyFile, clientKey.ExportPkcs8PrivateKeyPem());
        serverKey.Dispose();
        clientKey.Dispose();
        return pki;
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, DateTimeOffset now, Action<CertificateRequest> extend, out ECDsa key)
    {
        key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        extend(request);
        return request.Create(ca, now.AddMinutes(-5), now.AddHours(12), RandomNumberGenerator.GetBytes(12));
    }
}
