using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace VmLifecycle.LocalCluster.Pki;

/// <summary>
/// The certificates of the local cluster, kept in <c>DATA/Pki</c> and generated at first start:
/// the cluster CA, the serving certificate, the admin client certificate, and the front-proxy CA
/// with its client certificate for the aggregation proxy.
/// </summary>
internal sealed class ClusterPki : IDisposable
{
    public const string AdminUser = "kubernetes-admin";
    public const string FrontProxyClientUser = "front-proxy-client";

    private ClusterPki(string directory, CertificateAuthority clusterCa, CertificateAuthority frontProxyCa, X509Certificate2 serving)
    {
        Directory = directory;
        ClusterCa = clusterCa;
        FrontProxyCa = frontProxyCa;
        ServingCertificate = serving;
    }

    public string Directory { get; }

    public CertificateAuthority ClusterCa { get; }

    public CertificateAuthority FrontProxyCa { get; }

    public X509Certificate2 ServingCertificate { get; }

    public CertificateFiles Admin => CertificateFiles.In(Directory, "admin");

    public CertificateFiles FrontProxyClient => CertificateFiles.In(Directory, "front-proxy-client");

    public CertificateFiles ClusterCaFiles => CertificateFiles.In(Directory, "ca");

    public CertificateFiles FrontProxyCaFiles => CertificateFiles.In(Directory, "front-proxy-ca");

    /// <summary>Loads the PKI from the directory, creating whatever is missing.</summary>
    public static ClusterPki LoadOrCreate(string directory, TimeProvider time)
    {
        System.IO.Directory.CreateDirectory(directory);
        var clusterCa = LoadOrCreateCa(CertificateFiles.In(directory, "ca"), "local-cluster-ca", time);
        var frontProxyCa = LoadOrCreateCa(CertificateFiles.In(directory, "front-proxy-ca"), "front-proxy-ca", time);
        var serving = LoadOrIssue(CertificateFiles.In(directory, "apiserver"), clusterCa, time, CertificateProfile.Server(
            "kube-apiserver",
            ["localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc"],
            [IPAddress.Loopback, IPAddress.IPv6Loopback]));
        LoadOrIssue(CertificateFiles.In(directory, "admin"), clusterCa, time, CertificateProfile.Client(AdminUser, "system:masters")).Dispose();
        LoadOrIssue(CertificateFiles.In(directory, "front-proxy-client"), frontProxyCa, time, CertificateProfile.Client(FrontProxyClientUser)).Dispose();
        return new ClusterPki(directory, clusterCa, frontProxyCa, serving);
    }

    public void Dispose()
    {
        ClusterCa.Dispose();
        FrontProxyCa.Dispose();
        ServingCertificate.Dispose();
    }

    private static CertificateAuthority LoadOrCreateCa(CertificateFiles files, string commonName, TimeProvider time)
    {
        if (files.Exist)
        {
            return CertificateAuthority.FromPem(files.ReadCertificatePem(), files.ReadKeyPem());
        }

        var ca = CertificateAuthority.Create(commonName, time);
        files.Save(ca.CertificatePem, ca.ExportKeyPem());
        return ca;
    }

    private static X509Certificate2 LoadOrIssue(CertificateFiles files, CertificateAuthority ca, TimeProvider time, CertificateProfile profile)
    {
        if (files.Exist)
        {
            return files.Load();
        }

        var certificate = ca.Issue(profile, time);
        files.Save(certificate);
        return certificate;
    }
}
