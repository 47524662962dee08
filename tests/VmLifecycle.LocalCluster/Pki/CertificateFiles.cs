using System.Security.Cryptography.X509Certificates;

namespace VmLifecycle.LocalCluster.Pki;

/// <summary>A certificate and key kept as a PEM pair (<c>name.crt</c>, <c>name.key</c>) in a directory.</summary>
internal sealed record CertificateFiles(string CertificatePath, string KeyPath)
{
    public static CertificateFiles In(string directory, string name) =>
        new(Path.Combine(directory, name + ".crt"), Path.Combine(directory, name + ".key"));

    public bool Exist => File.Exists(CertificatePath) && File.Exists(KeyPath);

    public string ReadCertificatePem() => File.ReadAllText(CertificatePath);

    public string ReadKeyPem() => File.ReadAllText(KeyPath);

    public X509Certificate2 Load() => X509Certificate2.CreateFromPem(ReadCertificatePem(), ReadKeyPem());

    public void Save(X509Certificate2 certificate) => Save(certificate.ExportCertificatePem(), CertificateAuthority.ExportPrivateKeyPem(certificate));

    public void Save(string certificatePem, string keyPem)
    {
        File.WriteAllText(CertificatePath, certificatePem + "\n");
        WriteKey(KeyPath, keyPem + "\n");
    }

    private static void WriteKey(string path, string pem)
    {
        File.WriteAllText(path, pem);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
