using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace VmLifecycle.Aggregator.Authentication;

/// <summary>
/// Authenticates requests that kube-apiserver proxies, as k8s.io/apiserver's request-header authenticator does: the
/// X-Remote-* headers are read only when the TLS client certificate chains to requestheader-client-ca-file (with the
/// intermediates the peer sent), carries the clientAuth extended key usage, and has a CN among
/// requestheader-allowed-names (an empty list allows any CN). Otherwise the headers are never looked at.
/// </summary>
internal sealed class FrontProxyAuthenticator(IRequestHeaderSettingsSource settingsSource, IOptions<FrontProxyOptions> options, TimeProvider time)
{
    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";
    private const string CommonNameOid = "2.5.4.3";

    // A proxy certificate verified on a TLS connection is trusted on it for at most this long (and never past the
    // expiry of its chain, nor after the settings change); kube-apiserver keeps its connections open.
    private static readonly TimeSpan ConnectionVerdictLifetime = TimeSpan.FromMinutes(1);
    private static readonly object VerifiedPeerKey = new();

    public AuthenticationResult Authenticate(X509Certificate2? clientCertificate, X509Certificate2Collection? peerIntermediates, IHeaderDictionary headers) =>
        Authenticate(clientCertificate, _ => peerIntermediates, headers, null);

    /// <param name="peerIntermediates">The intermediates the peer sent with its certificate; asked only when the chain is verified.</param>
    /// <param name="connection">The TLS connection's items: the certificate's verification is remembered there.</param>
    public AuthenticationResult Authenticate(
        X509Certificate2? clientCertificate,
        Func<X509Certificate2, X509Certificate2Collection?> peerIntermediates,
        IHeaderDictionary headers,
        IDictionary<object, object?>? connection)
    {
        var settings = settingsSource.Current;
        if (settings is null || settings.ClientCertificateAuthorities.Count == 0)
        {
            return AuthenticationResult.Failure("no request-header client CA is loaded");
        }

        if (clientCertificate is null)
        {
            return AuthenticationResult.Failure("no client certificate");
        }

        if (!IsVerifiedOn(connection, clientCertificate, settings)
            && VerifyCertificate(clientCertificate, peerIntermediates(clientCertificate), settings, connection) is { } failure)
        {
            return AuthenticationResult.Failure(failure);
        }

        var name = settings.UsernameHeaders.Select(header => First(headers, header)).FirstOrDefault(value => !string.IsNullOrEmpty(value));
        if (name is null)
        {
            return AuthenticationResult.Failure("the front proxy sent no user name");
        }

        var uid = settings.UidHeaders.Select(header => First(headers, header)).FirstOrDefault(value => !string.IsNullOrEmpty(value));
        var groups = settings.GroupHeaders.SelectMany(header => All(headers, header)).ToList();
        if (!groups.Contains(AuthenticatedUser.AuthenticatedGroup, StringComparer.Ordinal))
        {
            groups.Add(AuthenticatedUser.AuthenticatedGroup);
        }

        return AuthenticationResult.Success(new AuthenticatedUser(name, uid, groups, Extra(headers, settings.ExtraHeaderPrefixes)));
    }

    private string? VerifyCertificate(
        X509Certificate2 clientCertificate, X509Certificate2Collection? peerIntermediates, RequestHeaderSettings settings, IDictionary<object, object?>? connection)
    {
        if (!HasClientAuthUsage(clientCertificate))
        {
            return "the client certificate has no clientAuth extended key usage";
        }

        var chainError = VerifyChain(clientCertificate, peerIntermediates, settings.ClientCertificateAuthorities, out var chainExpiry);
        if (chainError is not null)
        {
            return $"the client certificate does not chain to the request-header CA: {chainError}";
        }

        IReadOnlyList<string> allowedNames = options.Value.AllowedNames?.ToList() ?? settings.AllowedNames;
        var commonName = CommonName(clientCertificate);
        if (allowedNames.Count > 0 && (commonName is null || !allowedNames.Contains(commonName, StringComparer.Ordinal)))
        {
            return $"the client certificate's CN \"{commonName}\" is not an allowed front-proxy name";
        }

        if (connection is not null)
        {
            var until = time.GetUtcNow() + ConnectionVerdictLifetime;
            connection[VerifiedPeerKey] = new VerifiedPeer(settings, clientCertificate, until < chainExpiry ? until : chainExpiry);
        }

        return null;
    }

    private bool IsVerifiedOn(IDictionary<object, object?>? connection, X509Certificate2 clientCertificate, RequestHeaderSettings settings) =>
        connection is not null
        && connection.TryGetValue(VerifiedPeerKey, out var verified)
        && verified is VerifiedPeer peer
        && ReferenceEquals(peer.Settings, settings)
        && time.GetUtcNow() < peer.ValidUntil
        && peer.Certificate.RawDataMemory.Span.SequenceEqual(clientCertificate.RawDataMemory.Span);

    private string? VerifyChain(X509Certificate2 certificate, X509Certificate2Collection? intermediates, X509Certificate2Collection authorities, out DateTimeOffset expiry)
    {
        expiry = DateTimeOffset.MinValue;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        if (intermediates is not null)
        {
            chain.ChainPolicy.ExtraStore.AddRange(intermediates);
        }

        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = time.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(ClientAuthOid));
        try
        {
            if (chain.Build(certificate))
            {
                expiry = chain.ChainElements.Min(element => new DateTimeOffset(element.Certificate.NotAfter.ToUniversalTime()));
                return null;
            }

            return string.Join("; ", chain.ChainStatus.Select(status => status.StatusInformation.Trim()).Where(text => text.Length > 0).DefaultIfEmpty("untrusted"));
        }
        catch (CryptographicException e)
        {
            return e.Message;
        }
        finally
        {
            foreach (var element in chain.ChainElements)
            {
                element.Certificate.Dispose();
            }
        }
    }

    /// <summary>Stricter than Go's x509 (which treats a certificate without EKU as usable for anything): the EKU must be present.</summary>
    private static bool HasClientAuthUsage(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>()
            .Any(extension => extension.EnhancedKeyUsages.Cast<Oid>().Any(oid => oid.Value == ClientAuthOid));

    private static string? CommonName(X509Certificate2 certificate)
    {
        try
        {
            return certificate.SubjectName.EnumerateRelativeDistinguishedNames()
                .Where(rdn => rdn.GetSingleElementType().Value == CommonNameOid)
                .Select(rdn => rdn.GetSingleElementValue())
                .LastOrDefault();
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException)
        {
            return null;
        }
    }

    private sealed record VerifiedPeer(RequestHeaderSettings Settings, X509Certificate2 Certificate, DateTimeOffset ValidUntil);

    private static string? First(IHeaderDictionary headers, string header) =>
        headers.TryGetValue(header, out var values) ? values.FirstOrDefault(value => !string.IsNullOrEmpty(value)) : null;

    private static IEnumerable<string> All(IHeaderDictionary headers, string header) =>
        headers.TryGetValue(header, out var values) ? values.OfType<string>().Where(value => value.Length > 0) : [];

    private static Dictionary<string, IReadOnlyList<string>> Extra(IHeaderDictionary headers, IReadOnlyList<string> prefixes)
    {
        var extra = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (header, values) in headers)
        {
            var prefix = prefixes.FirstOrDefault(candidate => header.StartsWith(candidate, StringComparison.OrdinalIgnoreCase) && header.Length > candidate.Length);
            if (prefix is null)
            {
                continue;
            }

            var key = Uri.UnescapeDataString(header[prefix.Length..]).ToLowerInvariant();
            if (!extra.TryGetValue(key, out var list))
            {
                extra[key] = list = [];
            }

            list.AddRange(values.OfType<string>());
        }

        return extra.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value, StringComparer.Ordinal);
    }
}
