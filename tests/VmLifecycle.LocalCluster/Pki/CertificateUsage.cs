namespace VmLifecycle.LocalCluster.Pki;

/// <summary>The extended key usage of an issued certificate.</summary>
[Flags]
internal enum CertificateUsage
{
    ServerAuth = 1,
    ClientAuth = 2,
}
