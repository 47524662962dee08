using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using k8s;
using VmLifecycle.KubectlPlugin.Http;

namespace VmLifecycle.KubectlPlugin.Tests.Http;

public sealed class SystemTrustStoreTests
{
    [Fact]
    public void The_machine_roots_are_unused_only_for_https_with_a_configured_authority_that_is_verified()
    {
        using var key = ECDsa.Create();
        using var authority = new CertificateRequest("CN=cluster-ca", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        Assert.True(SystemTrustStore.IsUnused(new KubernetesClientConfiguration { Host = "https://127.0.0.1:6443", SslCaCerts = [authority] }));
        Assert.False(SystemTrustStore.IsUnused(new KubernetesClientConfiguration { Host = "https://127.0.0.1:6443", SslCaCerts = [] }));
        Assert.False(SystemTrustStore.IsUnused(new KubernetesClientConfiguration { Host = "https://127.0.0.1:6443", SslCaCerts = [authority], SkipTlsVerify = true }));
        Assert.False(SystemTrustStore.IsUnused(new KubernetesClientConfiguration { Host = "http://127.0.0.1:8080", SslCaCerts = [authority] }));
    }
}
