using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace VmLifecycle.Aggregator.Tests.TestSupport;

/// <summary>A temporary directory with certificates and keys written as PEM files.</summary>
internal sealed class PemFiles : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("vm-lifecycle-aggregator-tests-").FullName;

    /// <returns>The certificate file and the key file.</returns>
    public (string Certificate, string Key) Write(string name, X509Certificate2 certificate, params X509Certificate2[] chain)
    {
        var certificateFile = Path.Combine(Directory, name + ".crt");
        var keyFile = Path.Combine(Directory, name + ".key");
        File.WriteAllText(certificateFile, string.Concat(new[] { certificate }.Concat(chain).Select(item => item.ExportCertificatePem() + "\n")));
        File.WriteAllText(keyFile, ExportKey(certificate));
        return (certificateFile, keyFile);
    }

    public string WriteBundle(string name, params X509Certificate2[] certificates)
    {
        var file = Path.Combine(Directory, name + ".crt");
        File.WriteAllText(file, string.Concat(certificates.Select(item => item.ExportCertificatePem() + "\n")));
        return file;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the directory; it is a temp directory.
        }
    }

    private static string ExportKey(X509Certificate2 certificate) =>
        certificate.GetECDsaPrivateKey()?.ExportPkcs8PrivateKeyPem()
        ?? certificate.GetRSAPrivateKey()?.ExportPkcs8PrivateKeyPem()
        ?? throw new CryptographicException("the certificate has no private key");
}
