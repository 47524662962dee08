using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using k8s;
using VmLifecycle.KubectlPlugin.Configuration;

namespace VmLifecycle.KubectlPlugin.Http;

/// <summary>
/// The HTTP transport of a cluster connection, as kubectl's: with insecure-skip-tls-verify any server certificate is
/// accepted; with a certificate authority in the kubeconfig the server's chain must end at that authority alone (no
/// machine roots, no revocation checks) and name the server; otherwise the machine's roots decide. The client
/// certificate, if any, is presented. Built here rather than by KubernetesClient's Kubernetes class: constructing that
/// class keeps its whole generated API surface and JSON context in the NativeAOT binary (most of its size, all of it
/// rehydrated at every start) for a handler the plugin can configure in a few lines.
/// </summary>
internal static class ClusterTransport
{
    /// <summary>The innermost handler for <paramref name="connection"/>; throws <see cref="ConfigurationException"/> for unreadable client credentials.</summary>
    public static SocketsHttpHandler CreateHandler(KubernetesClientConfiguration connection)
    {
        var handler = new SocketsHttpHandler();
        if (connection.SkipTlsVerify)
        {
#pragma warning disable CA5359 // insecure-skip-tls-verify asks for exactly this.
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        else if (connection.SslCaCerts is { Count: > 0 } authorities)
        {
            handler.SslOptions.CertificateChainPolicy = ChainPolicy(authorities);
        }

        if (ClientCertificate(connection) is { } certificate)
        {
            handler.SslOptions.ClientCertificates = new X509CertificateCollection { certificate };
        }

        return handler;
    }

    /// <summary>The chain policy that trusts <paramref name="authorities"/> and nothing else.</summary>
    private static X509ChainPolicy ChainPolicy(X509Certificate2Collection authorities)
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.AddRange(authorities);
        return policy;
    }

    /// <summary>
    /// The client certificate with its key, read as KubernetesClient reads them (a file wins over inline base64 data; a
    /// certificate without a key is not presented), or null without one.
    /// </summary>
    public static X509Certificate2? ClientCertificate(KubernetesClientConfiguration connection)
    {
        try
        {
            var certificate = Pem(connection.ClientCertificateFilePath, connection.ClientCertificateData);
            var key = Pem(connection.ClientKeyFilePath, connection.ClientCertificateKeyData);
            return certificate is null || key is null ? null : X509Certificate2.CreateFromPem(certificate, key);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or FormatException)
        {
            throw new ConfigurationException($"invalid configuration: unable to read client-cert or client-key: {e.Message}", e);
        }
    }

    private static string? Pem(string? file, string? base64Data) =>
        !string.IsNullOrWhiteSpace(file) ? File.ReadAllText(file)
        : !string.IsNullOrWhiteSpace(base64Data) ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64Data))
        : null;
}
