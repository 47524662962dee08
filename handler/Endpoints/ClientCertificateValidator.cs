using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace VmLifecycle.Handler.Endpoints;

/// <summary>
/// Accepts a client certificate only when it chains to the configured client CA (and to nothing else: the system
/// trust store is not consulted), is valid now, and allows client authentication when it restricts its usage.
/// The TLS handshake already rejects a certificate that fails; <see cref="IsAuthenticated"/> guards the routes,
/// because probes and Prometheus connect without a certificate.
/// </summary>
internal sealed class ClientCertificateValidator(X509Certificate2Collection clientCas)
{
    private const string ClientAuthenticationOid = "1.3.6.1.5.5.7.3.2";

    public static ClientCertificateValidator FromPemFile(string path)
    {
        var cas = new X509Certificate2Collection();
        cas.ImportFromPemFile(path);
        return cas.Count == 0 ? throw new CryptographicException($"{path} holds no PEM certificate") : new ClientCertificateValidator(cas);
    }

    public bool Validate(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(clientCas);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(ClientAuthenticationOid));
        return chain.Build(certificate);
    }

    /// <summary>Whether the connection presented a client certificate (which the handshake validated).</summary>
    public static bool IsAuthenticated(HttpContext context) => context.Connection.ClientCertificate is not null;
}
