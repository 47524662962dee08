using System.Security.Cryptography.X509Certificates;
using k8s;
using VmLifecycle.KubectlPlugin.Configuration;
using VmLifecycle.KubectlPlugin.Http;
using VmLifecycle.KubectlPlugin.Tests.TestSupport;

namespace VmLifecycle.KubectlPlugin.Tests.Http;

public sealed class ClusterTransportTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly TestPki _pki;

    public ClusterTransportTests() => _pki = TestPki.Create(Path.Combine(_directory.Path, "pki"));

    public void Dispose() => _directory.Dispose();

    private static string Base64(string pemFile) => Convert.ToBase64String(File.ReadAllBytes(pemFile));

    [Fact]
    public void A_configured_authority_is_the_only_root_and_revocation_is_not_checked()
    {
        using var handler = ClusterTransport.CreateHandler(new KubernetesClientConfiguration { Host = "https://127.0.0.1:6443", SslCaCerts = [_pki.Ca] });

        var policy = handler.SslOptions.CertificateChainPolicy!;
        Assert.Equal(X509ChainTrustMode.CustomRootTrust, policy.TrustMode);
        Assert.Equal(X509RevocationMode.NoCheck, policy.RevocationMode);
        Assert.Equal(_pki.Ca.Thumbprint, Assert.Single(policy.CustomTrustStore).Thumbprint);
        Assert.Null(handler.SslOptions.RemoteCertificateValidationCallback);
    }

    [Fact]
    public void Without_an_authority_the_machine_roots_decide()
    {
        using var handler = ClusterTransport.CreateHandler(new KubernetesClientConfiguration { Host = "https://api.example", SslCaCerts = [] });

        Assert.Null(handler.SslOptions.CertificateChainPolicy);
        Assert.Null(handler.SslOptions.RemoteCertificateValidationCallback);
        Assert.Null(handler.SslOptions.ClientCertificates);
    }

    [Fact]
    public void Insecure_skip_tls_verify_accepts_any_certificate()
    {
        using var handler = ClusterTransport.CreateHandler(new KubernetesClientConfiguration { Host = "https://127.0.0.1:6443", SkipTlsVerify = true });

        var callback = handler.SslOptions.RemoteCertificateValidationCallback!;
        Assert.True(callback(this, null, null, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.Null(handler.SslOptions.CertificateChainPolicy);
    }

    [Fact]
    public void The_client_certificate_comes_from_files_or_inline_data_with_its_key()
    {
        var fromFiles = ClusterTransport.ClientCertificate(new KubernetesClientConfiguration
        {
            ClientCertificateFilePath = _pki.ClientCertificateFile,
            ClientKeyFilePath = _pki.ClientKeyFile,
        });
        var fromData = ClusterTransport.ClientCertificate(new KubernetesClientConfiguration
        {
            ClientCertificateData = Base64(_pki.ClientCertificateFile),
            ClientCertificateKeyData = Base64(_pki.ClientKeyFile),
        });
        using var handler = ClusterTransport.CreateHandler(new KubernetesClientConfiguration
        {
            Host = "https://127.0.0.1:6443",
            SslCaCerts = [_pki.Ca],
            ClientCertificateFilePath = _pki.ClientCertificateFile,
            ClientKeyFilePath = _pki.ClientKeyFile,
        });

        Assert.Equal((_pki.Client.Thumbprint, true), (fromFiles!.Thumbprint, fromFiles.HasPrivateKey));
        Assert.Equal((_pki.Client.Thumbprint, true), (fromData!.Thumbprint, fromData.HasPrivateKey));
        Assert.Equal(_pki.Client.Thumbprint, Assert.Single(handler.SslOptions.ClientCertificates!.Cast<X509Certificate>()).GetCertHashString());
    }

    [Fact]
    public void A_file_wins_over_inline_data_and_a_certificate_without_a_key_is_not_presented()
    {
        var other = TestPki.Create(Path.Combine(_directory.Path, "other"), "bob");

        var fileWins = ClusterTransport.ClientCertificate(new KubernetesClientConfiguration
        {
            ClientCertificateFilePath = _pki.ClientCertificateFile,
            ClientCertificateData = Base64(other.ClientCertificateFile),
            ClientKeyFilePath = _pki.ClientKeyFile,
            ClientCertificateKeyData = Base64(other.ClientKeyFile),
        });
        var withoutKey = ClusterTransport.ClientCertificate(new KubernetesClientConfiguration { ClientCertificateFilePath = _pki.ClientCertificateFile });

        Assert.Equal(_pki.Client.Thumbprint, fileWins!.Thumbprint);
        Assert.Null(withoutKey);
    }

    [Fact]
    public void Unreadable_client_credentials_are_a_configuration_error()
    {
        var missing = Path.Combine(_directory.Path, "missing.key");

        var noFile = Assert.Throws<ConfigurationException>(() => ClusterTransport.ClientCertificate(new KubernetesClientConfiguration
        {
            ClientCertificateFilePath = _pki.ClientCertificateFile,
            ClientKeyFilePath = missing,
        }));
        var notPem = Assert.Throws<ConfigurationException>(() => ClusterTransport.ClientCertificate(new KubernetesClientConfiguration
        {
            ClientCertificateData = Convert.ToBase64String("not a certificate"u8.ToArray()),
            ClientCertificateKeyData = Base64(_pki.ClientKeyFile),
        }));

        Assert.StartsWith("invalid configuration: unable to read client-cert or client-key: ", noFile.Message, StringComparison.Ordinal);
        Assert.StartsWith("invalid configuration: unable to read client-cert or client-key: ", notPem.Message, StringComparison.Ordinal);
    }
}
