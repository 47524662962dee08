using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VmLifecycle.Aggregator.Serving;
using VmLifecycle.Aggregator.Tests.TestSupport;

namespace VmLifecycle.Aggregator.Tests.Serving;

public sealed class PemCertificateFileSourceTests : IDisposable
{
    private readonly TestCertificateAuthority _ca = TestCertificateAuthority.Create("serving-ca");
    private readonly PemFiles _files = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Certificate_and_key_are_loaded_with_the_chain_in_the_bundle()
    {
        using var leaf = _ca.IssueServer("server", "127.0.0.1");
        var (certificate, key) = _files.Write("tls", leaf, _ca.Certificate);
        using var source = Source(certificate, key);

        source.LoadOrThrow();

        Assert.Equal(leaf.Thumbprint, source.Current!.Thumbprint);
        Assert.True(source.Current.HasPrivateKey);
        Assert.Equal(2, source.Bundle.Count);
    }

    [Fact]
    public void Missing_files_fail_at_load()
    {
        using var source = Source(Path.Combine(_files.Directory, "absent.crt"), Path.Combine(_files.Directory, "absent.key"));

        Assert.ThrowsAny<IOException>(source.LoadOrThrow);
    }

    [Fact]
    public void A_broken_rotation_keeps_the_previous_certificate_and_a_good_one_replaces_it()
    {
        using var first = _ca.IssueServer("first", "127.0.0.1");
        using var second = _ca.IssueServer("second", "127.0.0.1");
        var (certificate, key) = _files.Write("tls", first);
        using var source = Source(certificate, key);
        source.LoadOrThrow();

        File.WriteAllText(certificate, "-----BEGIN CERTIFICATE-----\nbroken\n-----END CERTIFICATE-----\n");
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(first.Thumbprint, source.Current!.Thumbprint);

        var next = new PemFiles();
        var (nextCertificate, nextKey) = next.Write("tls", second);
        File.Copy(nextKey, key, overwrite: true);
        File.Copy(nextCertificate, certificate, overwrite: true);
        next.Dispose();
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(second.Thumbprint, source.Current!.Thumbprint);
    }

    [Fact]
    public void A_ca_bundle_needs_no_key()
    {
        using var other = TestCertificateAuthority.Create("other-ca");
        var bundle = _files.WriteBundle("ca", _ca.Certificate, other.Certificate);
        using var source = new PemCertificateFileSource(bundle, null, _time, TimeSpan.FromSeconds(1), NullLogger.Instance);

        Assert.Equal(2, source.Bundle.Count);
        Assert.False(source.Current!.HasPrivateKey);
    }

    public void Dispose()
    {
        _files.Dispose();
        _ca.Dispose();
    }

    private PemCertificateFileSource Source(string certificate, string key) => new(certificate, key, _time, TimeSpan.FromSeconds(1), NullLogger.Instance);
}
