using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VmLifecycle.Aggregator.Authentication;
using VmLifecycle.Aggregator.Tests.TestSupport;

namespace VmLifecycle.Aggregator.Tests.Authentication;

public sealed class FrontProxyAuthenticatorTests : IDisposable
{
    private const string ProxyName = "front-proxy-client";

    private readonly TestCertificateAuthority _frontProxyCa = TestCertificateAuthority.Create("front-proxy-ca");
    private readonly TestCertificateAuthority _otherCa = TestCertificateAuthority.Create("cluster-ca");

    [Fact]
    public void Trusted_proxy_certificate_makes_the_headers_the_user()
    {
        using var proxy = _frontProxyCa.IssueClient(ProxyName);
        var headers = Headers(("X-Remote-User", "jane"), ("X-Remote-Group", "editors"), ("X-Remote-Group", "devs"), ("X-Remote-Extra-Scopes", "a"), ("X-Remote-Extra-Scopes", "b"), ("X-Remote-Extra-Acme.com%2Fproject", "p1"));

        var result = Authenticator().Authenticate(proxy, null, headers);

        Assert.Null(result.FailureReason);
        Assert.Equal("jane", result.User!.Name);
        Assert.Equal(["editors", "devs", AuthenticatedUser.AuthenticatedGroup], result.User.Groups);
        Assert.Equal(["a", "b"], result.User.Extra["scopes"]);
        Assert.Equal(["p1"], result.User.Extra["acme.com/project"]);
    }

    [Fact]
    public void System_authenticated_is_not_added_twice()
    {
        using var proxy = _frontProxyCa.IssueClient(ProxyName);

        var result = Authenticator().Authenticate(proxy, null, Headers(("X-Remote-User", "system:kube-aggregator"), ("X-Remote-Group", AuthenticatedUser.AuthenticatedGroup)));

        Assert.Equal([AuthenticatedUser.AuthenticatedGroup], result.User!.Groups);
    }

    [Fact]
    public void Certificate_from_another_ca_is_not_trusted()
    {
        using var impostor = _otherCa.IssueClient(ProxyName);

        var result = Authenticator().Authenticate(impostor, null, Headers(("X-Remote-User", "system:admin"), ("X-Remote-Group", "system:masters")));

        Assert.Null(result.User);
        Assert.Contains("does not chain", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Certificate_without_the_clientAuth_usage_is_not_trusted()
    {
        using var serverOnly = _frontProxyCa.IssueServerOnly(ProxyName);
        using var noUsage = _frontProxyCa.IssueClientWithoutExtendedKeyUsage(ProxyName);

        Assert.Null(Authenticator().Authenticate(serverOnly, null, Headers(("X-Remote-User", "jane"))).User);
        Assert.Null(Authenticator().Authenticate(noUsage, null, Headers(("X-Remote-User", "jane"))).User);
    }

    [Fact]
    public void Common_name_outside_the_allowed_names_is_not_trusted()
    {
        using var other = _frontProxyCa.IssueClient("someone-else");

        var result = Authenticator().Authenticate(other, null, Headers(("X-Remote-User", "jane")));

        Assert.Null(result.User);
        Assert.Contains("not an allowed front-proxy name", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_allowed_names_allow_any_common_name()
    {
        using var other = _frontProxyCa.IssueClient("someone-else");

        var result = Authenticator(allowedNames: []).Authenticate(other, null, Headers(("X-Remote-User", "jane")));

        Assert.Equal("jane", result.User!.Name);
    }

    [Fact]
    public void Allowed_names_override_replaces_the_configmap_list()
    {
        using var local = _frontProxyCa.IssueClient("local-proxy");

        var result = Authenticator(overrideNames: ["local-proxy"]).Authenticate(local, null, Headers(("X-Remote-User", "jane")));

        Assert.Equal("jane", result.User!.Name);
    }

    [Fact]
    public void Spoofed_headers_without_a_certificate_are_never_read()
    {
        var result = Authenticator().Authenticate(null, null, Headers(("X-Remote-User", "system:admin"), ("X-Remote-Group", "system:masters")));

        Assert.Null(result.User);
        Assert.Equal("no client certificate", result.FailureReason);
    }

    [Fact]
    public void Trusted_certificate_without_a_user_header_is_not_authenticated()
    {
        using var proxy = _frontProxyCa.IssueClient(ProxyName);

        Assert.Null(Authenticator().Authenticate(proxy, null, Headers(("X-Remote-Group", "editors"))).User);
    }

    [Fact]
    public void Nothing_is_trusted_before_the_ca_is_loaded()
    {
        using var proxy = _frontProxyCa.IssueClient(ProxyName);
        var authenticator = new FrontProxyAuthenticator(new StaticRequestHeaderSettingsSource(null), Options.Create(new FrontProxyOptions()), TimeProvider.System);

        Assert.Null(authenticator.Authenticate(proxy, null, Headers(("X-Remote-User", "jane"))).User);
    }

    [Fact]
    public void Intermediates_sent_by_the_peer_complete_the_chain()
    {
        using var intermediate = _frontProxyCa.CreateIntermediate("front-proxy-intermediate");
        using var proxy = intermediate.IssueClient(ProxyName);

        Assert.Null(Authenticator().Authenticate(proxy, null, Headers(("X-Remote-User", "jane"))).User);
        Assert.Equal("jane", Authenticator().Authenticate(proxy, [intermediate.Certificate], Headers(("X-Remote-User", "jane"))).User!.Name);
    }

    [Fact]
    public void Expired_certificate_is_not_trusted()
    {
        using var proxy = _frontProxyCa.IssueClient(ProxyName, notAfter: DateTimeOffset.UtcNow.AddHours(1));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(2));

        Assert.Null(Authenticator(time: time).Authenticate(proxy, null, Headers(("X-Remote-User", "jane"))).User);
    }

    [Fact]
    public void Header_names_come_from_the_settings()
    {
        using var proxy = _frontProxyCa.IssueClient(ProxyName);
        var settings = new RequestHeaderSettings([_frontProxyCa.Certificate], [ProxyName], ["X-User"], [], ["X-Groups"], ["X-Extra-"], "7");
        var authenticator = new FrontProxyAuthenticator(new StaticRequestHeaderSettingsSource(settings), Options.Create(new FrontProxyOptions()), TimeProvider.System);

        var result = authenticator.Authenticate(proxy, null, Headers(("X-Remote-User", "ignored"), ("X-User", "bob"), ("X-Groups", "g"), ("X-Extra-k", "v")));

        Assert.Equal("bob", result.User!.Name);
        Assert.Equal(["g", AuthenticatedUser.AuthenticatedGroup], result.User.Groups);
        Assert.Equal(["v"], result.User.Extra["k"]);
    }

    [Fact]
    public void A_certificate_verified_on_a_connection_is_trusted_there_for_a_minute_without_a_new_verification()
    {
        using var proxy = _frontProxyCa.IssueClient(ProxyName);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var authenticator = Authenticator(time: time);
        var connection = new Dictionary<object, object?>();
        var verifications = 0;
        X509Certificate2Collection? Intermediates(X509Certificate2 _)
        {
            verifications++;
            return null;
        }

        var first = authenticator.Authenticate(proxy, Intermediates, Headers(("X-Remote-User", "jane")), connection);
        var second = authenticator.Authenticate(proxy, Intermediates, Headers(("X-Remote-User", "bob")), connection);
        time.Advance(TimeSpan.FromMinutes(2));
        var later = authenticator.Authenticate(proxy, Intermediates, Headers(("X-Remote-User", "ann")), connection);

        Assert.Equal(["jane", "bob", "ann"], [first.User!.Name, second.User!.Name, later.User!.Name]);
        Assert.Equal(2, verifications);
    }

    [Fact]
    public void A_verification_on_a_connection_does_not_vouch_for_another_certificate()
    {
        using var proxy = _frontProxyCa.IssueClient(ProxyName);
        using var impostor = _otherCa.IssueClient(ProxyName);
        var authenticator = Authenticator();
        var connection = new Dictionary<object, object?>();

        Assert.NotNull(authenticator.Authenticate(proxy, _ => null, Headers(("X-Remote-User", "jane")), connection).User);
        Assert.Null(authenticator.Authenticate(impostor, _ => null, Headers(("X-Remote-User", "jane")), connection).User);
    }

    public void Dispose()
    {
        _frontProxyCa.Dispose();
        _otherCa.Dispose();
    }

    private FrontProxyAuthenticator Authenticator(string[]? allowedNames = null, string[]? overrideNames = null, TimeProvider? time = null)
    {
        var settings = RequestHeaderSettings.WithDefaultHeaders([_frontProxyCa.Certificate], "1") with { AllowedNames = allowedNames ?? [ProxyName] };
        return new FrontProxyAuthenticator(
            new StaticRequestHeaderSettingsSource(settings),
            Options.Create(new FrontProxyOptions { AllowedNames = overrideNames }),
            time ?? TimeProvider.System);
    }

    private static HeaderDictionary Headers(params (string Name, string Value)[] headers)
    {
        var dictionary = new HeaderDictionary();
        foreach (var group in headers.GroupBy(header => header.Name, StringComparer.OrdinalIgnoreCase))
        {
            dictionary[group.Key] = group.Select(header => header.Value).ToArray();
        }

        return dictionary;
    }
}
