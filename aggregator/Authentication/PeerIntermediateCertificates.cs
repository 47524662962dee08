using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Caching.Memory;
using VmLifecycle.Aggregator.Caching;

namespace VmLifecycle.Aggregator.Authentication;

/// <summary>
/// The intermediate certificates TLS peers sent with their client certificate, captured during the handshake (Kestrel
/// exposes only the leaf to requests) and keyed by the leaf's SHA-256 hash. Sharing them between connections is safe:
/// an intermediate can only help a chain reach the custom root, which it still has to verify against.
/// </summary>
internal sealed class PeerIntermediateCertificates : IDisposable
{
    private readonly MemoryCache _cache;

    public PeerIntermediateCertificates(TimeProvider time) =>
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = 1024, Clock = new TimeProviderClock(time) });

    /// <summary>Remembers the certificates of <paramref name="chain"/>'s extra store (the peer's chain) other than the leaf.</summary>
    public void Remember(X509Certificate2 leaf, X509Chain? chain)
    {
        if (chain is null)
        {
            return;
        }

        var intermediates = new X509Certificate2Collection();
        foreach (var certificate in chain.ChainPolicy.ExtraStore)
        {
            if (!certificate.RawDataMemory.Span.SequenceEqual(leaf.RawDataMemory.Span))
            {
                intermediates.Add(X509CertificateLoader.LoadCertificate(certificate.RawDataMemory.Span));
            }
        }

        if (intermediates.Count > 0)
        {
            _cache.Set(Key(leaf), intermediates, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        }
    }

    public X509Certificate2Collection? For(X509Certificate2? leaf) =>
        leaf is not null && _cache.TryGetValue(Key(leaf), out X509Certificate2Collection? intermediates) ? intermediates : null;

    public void Dispose() => _cache.Dispose();

    private static string Key(X509Certificate2 leaf) => Convert.ToHexString(leaf.GetCertHash(HashAlgorithmName.SHA256));
}
