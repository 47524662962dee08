using VmLifecycle.LocalCluster.Security.Authentication;

namespace VmLifecycle.LocalCluster.Tests.Security;

public sealed class ClientCertificateAuthenticatorTests : IDisposable
{
    private readonly TestCertificateAuthority _clientCa = TestCertificateAuthority.Create("client-ca");
    private readonly TestCertificateAuthority _otherCa = TestCertificateAuthority.Create("other-ca");

    private ClientCertificateAuthenticator Authenticator() => new(_clientCa.AsCollection(), TimeProvider.System);

    [Fact]
    public void A_certificate_from_the_client_ca_authenticates_its_common_name_with_organizations_as_groups()
    {
        using var certificate = _clientCa.IssueClient("jane", ["devs", "system:masters"]);

        var outcome = Authenticator().Authenticate(certificate);

        Assert.Equal("jane", outcome.User?.Name);
        Assert.Equal(["devs", "system:masters"], outcome.User?.Groups);
    }

    [Fact]
    public void A_certificate_from_another_ca_is_rejected_not_ignored()
    {
        using var certificate = _otherCa.IssueClient("jane");

        var outcome = Authenticator().Authenticate(certificate);

        Assert.True(outcome.Failed);
        Assert.Contains("x509: certificate signed by unknown authority", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expired_certificate_is_rejected()
    {
        var now = DateTimeOffset.UtcNow;
        using var certificate = _clientCa.IssueClient("jane", notBefore: now.AddDays(-3), notAfter: now.AddDays(-1));

        var outcome = Authenticator().Authenticate(certificate);

        Assert.True(outcome.Failed);
        Assert.Contains("expired", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_only_for_server_auth_is_rejected()
    {
        using var certificate = _clientCa.IssueClient("jane", extendedKeyUsages: [TestCertificateAuthority.ServerAuthOid]);

        var outcome = Authenticator().Authenticate(certificate);

        Assert.True(outcome.Failed);
        Assert.Contains("incompatible key usage", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_without_extended_key_usages_is_usable_for_client_auth()
    {
        using var certificate = _clientCa.IssueClient("jane", extendedKeyUsages: []);

        Assert.Equal("jane", Authenticator().Authenticate(certificate).User?.Name);
    }

    [Fact]
    public void No_certificate_means_no_credentials()
    {
        Assert.Same(AuthenticationOutcome.NoCredentials, Authenticator().Authenticate(null));
    }

    public void Dispose()
    {
        _clientCa.Dispose();
        _otherCa.Dispose();
    }
}
