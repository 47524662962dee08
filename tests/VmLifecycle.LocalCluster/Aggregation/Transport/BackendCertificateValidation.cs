using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace VmLifecycle.LocalCluster.Aggregation.Transport;

/// <summary>
/// How kube-aggregator (1.36+) trusts an extension API server: its serving certificate must chain to the
/// APIService's caBundle (system roots when empty) and name "&lt;svc&gt;.&lt;ns&gt;.svc". Because the local cluster
/// dials 127.0.0.1 instead of a Service IP, an IP SAN equal to the dialled address is accepted too.
/// </summary>
internal sealed class BackendCertificateValidation(
    X509Certificate2Collection caBundle, string serverName, IPAddress? dialledAddress, bool insecureSkipVerify, TimeProvider timeProvider)
{
    public static X509Certificate2Collection ParseCaBundle(byte[]? pem)
    {
        var bundle = new X509Certificate2Collection();
        if (pem is { Length: > 0 })
        {
            bundle.ImportFromPem(System.Text.Encoding.ASCII.GetString(pem));
        }

        return bundle;
    }

    public bool Validate(X509Certificate? certificate, X509Chain? presentedChain, SslPolicyErrors errors)
    {
        if (insecureSkipVerify)
        {
            return true;
        }

        if (certificate is not X509Certificate2 serving || !NamesBackend(serving))
        {
            return false;
        }

        if (caBundle.Count == 0)
        {
            return (errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(caBundle);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = timeProvider.GetUtcNow().UtcDateTime;
        if (presentedChain is not null)
        {
            foreach (var element in presentedChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        var valid = chain.Build(serving);
        foreach (var element in chain.ChainElements)
        {
            element.Certificate.Dispose();
        }

        return valid;
    }

    private bool NamesBackend(X509Certificate2 serving)
    {
        var names = serving.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        if (names is null)
        {
            return false;
        }

        return names.EnumerateDnsNames().Any(n => string.Equals(n, serverName, StringComparison.OrdinalIgnoreCase))
            || (dialledAddress is not null && names.EnumerateIPAddresses().Any(ip => ip.Equals(dialledAddress)));
    }
}
