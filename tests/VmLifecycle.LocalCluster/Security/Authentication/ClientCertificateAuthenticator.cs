using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace VmLifecycle.LocalCluster.Security.Authentication;

/// <summary>
/// kube-apiserver's x509 authenticator (k8s.io/apiserver authentication/request/x509): the peer certificate must
/// chain to a client CA, be within its validity period and be usable for client authentication; then the
/// user is its CN and its groups are the O values. A certificate without a CN authenticates no one.
/// </summary>
internal sealed class ClientCertificateAuthenticator(X509Certificate2Collection clientCas, TimeProvider timeProvider)
{
    /// <summary>How long a verified certificate is trusted without building its chain again (within its validity).</summary>
    private static readonly TimeSpan _verifiedFor = TimeSpan.FromMinutes(1);
    private const int MaxVerified = 1024;

    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";
    private const string AnyExtendedKeyUsageOid = "2.5.29.37.0";
    private const string CommonNameOid = "2.5.4.3";
    private const string OrganizationOid = "2.5.4.10";

    public AuthenticationOutcome Authenticate(X509Certificate2? certificate)
    {
        if (certificate is null || clientCas.Count == 0)
        {
            return AuthenticationOutcome.NoCredentials;
        }

        var problem = VerificationProblem(certificate);
        if (problem is not null)
        {
            return AuthenticationOutcome.Rejected($"verifying certificate {certificate.Subject} failed: {problem}");
        }

        var commonName = SubjectValues(certificate, CommonNameOid).FirstOrDefault() ?? "";
        return commonName.Length == 0
            ? AuthenticationOutcome.NoCredentials
            : AuthenticationOutcome.Authenticated(UserInfo.Create(commonName, [.. SubjectValues(certificate, OrganizationOid)]));
    }

    // SHA-256 of a certificate that verified → when; a kept-alive client presents the same certificate on every request.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _verified = new(StringComparer.Ordinal);

    private string? VerificationProblem(X509Certificate2 certificate)
    {
        var now = timeProvider.GetUtcNow();
        var hash = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        if (_verified.TryGetValue(hash, out var at) && now - at < _verifiedFor && now >= at
            && now.UtcDateTime >= certificate.NotBefore.ToUniversalTime() && now.UtcDateTime <= certificate.NotAfter.ToUniversalTime())
        {
            return null;
        }

        var problem = Verify(certificate);
        if (problem is null)
        {
            if (_verified.Count >= MaxVerified)
            {
                _verified.Clear();
            }

            _verified[hash] = now;
        }

        return problem;
    }

    private string? Verify(X509Certificate2 certificate)
    {
        if (!AllowsClientAuth(certificate))
        {
            return "x509: certificate specifies an incompatible key usage";
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(clientCas);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = timeProvider.GetUtcNow().UtcDateTime;
        var valid = chain.Build(certificate);
        var statuses = chain.ChainStatus.Select(s => s.Status).Where(s => s != X509ChainStatusFlags.NoError).ToList();
        foreach (var element in chain.ChainElements)
        {
            element.Certificate.Dispose();
        }

        if (valid && statuses.Count == 0)
        {
            return null;
        }

        return statuses.Contains(X509ChainStatusFlags.NotTimeValid)
            ? "x509: certificate has expired or is not yet valid"
            : $"x509: certificate signed by unknown authority ({string.Join(", ", statuses)})";
    }

    /// <summary>No EKU extension means any usage (as Go's x509 verifier treats it); otherwise clientAuth or anyExtendedKeyUsage.</summary>
    private static bool AllowsClientAuth(X509Certificate2 certificate)
    {
        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault();
        return usages is null || usages.EnhancedKeyUsages.Cast<Oid>().Any(o => o.Value is ClientAuthOid or AnyExtendedKeyUsageOid);
    }

    private static IEnumerable<string> SubjectValues(X509Certificate2 certificate, string oid) =>
        certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .Where(rdn => !rdn.HasMultipleElements && rdn.GetSingleElementType().Value == oid)
            .Select(rdn => rdn.GetSingleElementValue() ?? "")
            .Where(value => value.Length > 0);
}
