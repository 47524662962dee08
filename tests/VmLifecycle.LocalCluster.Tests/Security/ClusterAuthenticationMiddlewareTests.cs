using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using VmLifecycle.LocalCluster.Security;
using VmLifecycle.LocalCluster.Security.Authentication;
using VmLifecycle.LocalCluster.Security.Authorization;
using static VmLifecycle.LocalCluster.Tests.Security.InMemoryRbacObjects;

namespace VmLifecycle.LocalCluster.Tests.Security;

public sealed class ClusterAuthenticationMiddlewareTests : IDisposable
{
    private readonly TestCertificateAuthority _clientCa = TestCertificateAuthority.Create("client-ca");
    private readonly TestCertificateAuthority _otherCa = TestCertificateAuthority.Create("other-ca");

    private readonly InMemoryRbacObjects _rbac = new InMemoryRbacObjects()
        .ClusterRole("impersonate-bob", Rule(["impersonate"], [""], ["users"], ["bob"]), Rule(["impersonate"], [""], ["groups"], ["ops"]))
        .ClusterRoleBinding("jane-impersonates", "impersonate-bob", User("jane"));

    private UserInfo? _seen;

    private ClusterAuthenticationMiddleware Middleware(bool allowAnonymous = false) => new(
        context =>
        {
            _seen = context.GetUser();
            return Task.CompletedTask;
        },
        new RequestAuthenticator(
            new ClientCertificateAuthenticator(_clientCa.AsCollection(), TimeProvider.System),
            new BearerTokenAuthenticator(StaticTokenFile.Parse("jane-token,jane,jane-uid,devs\n")),
            allowAnonymous),
        new Impersonation(new RbacAuthorizer(_rbac)),
        NullLogger<ClusterAuthenticationMiddleware>.Instance);

    private static DefaultHttpContext Request(string? token = null, params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/api/v1/namespaces/default/pods";
        context.Response.Body = new MemoryStream();
        if (token is not null)
        {
            context.Request.Headers.Authorization = $"Bearer {token}";
        }

        foreach (var group in headers.GroupBy(h => h.Name))
        {
            context.Request.Headers[group.Key] = group.Select(h => h.Value).ToArray();
        }

        return context;
    }

    private static JsonElement Body(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return JsonDocument.Parse(context.Response.Body).RootElement;
    }

    [Fact]
    public async Task A_request_without_credentials_gets_401_unauthorized_status()
    {
        var context = Request();

        await Middleware().InvokeAsync(context);

        Assert.Equal(401, context.Response.StatusCode);
        Assert.Equal("application/json", context.Response.ContentType);
        Assert.Equal("Unauthorized", Body(context).GetProperty("reason").GetString());
        Assert.Equal("Failure", Body(context).GetProperty("status").GetString());
        Assert.Null(_seen);
    }

    [Fact]
    public async Task A_request_without_credentials_is_anonymous_when_anonymous_auth_is_on()
    {
        await Middleware(allowAnonymous: true).InvokeAsync(Request());

        Assert.Equal(UserInfo.AnonymousUser, _seen?.Name);
        Assert.Equal([UserInfo.UnauthenticatedGroup], _seen?.Groups);
    }

    [Fact]
    public async Task A_valid_token_authenticates_with_system_authenticated_added_and_the_header_removed()
    {
        var context = Request("jane-token");

        await Middleware().InvokeAsync(context);

        Assert.Equal("jane", _seen?.Name);
        Assert.Equal("jane-uid", _seen?.Uid);
        Assert.Equal(["devs", UserInfo.AuthenticatedGroup], _seen?.Groups);
        Assert.False(context.Request.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task An_invalid_token_gets_401()
    {
        var context = Request("wrong");

        await Middleware().InvokeAsync(context);

        Assert.Equal(401, context.Response.StatusCode);
        Assert.Null(_seen);
    }

    [Fact]
    public async Task A_client_certificate_authenticates_its_common_name()
    {
        using var certificate = _clientCa.IssueClient("carol", ["ops"]);
        var context = Request();
        context.Connection.ClientCertificate = certificate;

        await Middleware().InvokeAsync(context);

        Assert.Equal("carol", _seen?.Name);
        Assert.Equal(["ops", UserInfo.AuthenticatedGroup], _seen?.Groups);
    }

    [Fact]
    public async Task A_presented_but_untrusted_certificate_gets_401_rather_than_anonymous()
    {
        using var certificate = _otherCa.IssueClient("carol");
        var context = Request();
        context.Connection.ClientCertificate = certificate;

        await Middleware(allowAnonymous: true).InvokeAsync(context);

        Assert.Equal(401, context.Response.StatusCode);
        Assert.Null(_seen);
    }

    [Fact]
    public async Task An_untrusted_certificate_does_not_prevent_a_valid_token()
    {
        using var certificate = _otherCa.IssueClient("carol");
        var context = Request("jane-token");
        context.Connection.ClientCertificate = certificate;

        await Middleware().InvokeAsync(context);

        Assert.Equal("jane", _seen?.Name);
    }

    [Fact]
    public async Task An_allowed_impersonation_runs_the_request_as_the_impersonated_user_and_groups()
    {
        var context = Request("jane-token", ("Impersonate-User", "bob"), ("Impersonate-Group", "ops"));

        await Middleware().InvokeAsync(context);

        Assert.Equal("bob", _seen?.Name);
        Assert.Equal(["ops", UserInfo.AuthenticatedGroup], _seen?.Groups);
        Assert.False(context.Request.Headers.ContainsKey("Impersonate-User"));
    }

    [Fact]
    public async Task A_refused_user_impersonation_gets_kube_apiservers_403()
    {
        var context = Request("jane-token", ("Impersonate-User", "alice"));

        await Middleware().InvokeAsync(context);

        Assert.Equal(403, context.Response.StatusCode);
        Assert.Equal(
            "users \"alice\" is forbidden: User \"jane\" cannot impersonate resource \"users\" in API group \"\" at the cluster scope",
            Body(context).GetProperty("message").GetString());
        Assert.Equal("Forbidden", Body(context).GetProperty("reason").GetString());
        Assert.Null(_seen);
    }

    [Fact]
    public async Task Each_impersonated_group_needs_its_own_permission()
    {
        var context = Request("jane-token", ("Impersonate-User", "bob"), ("Impersonate-Group", "ops"), ("Impersonate-Group", "system:masters"));

        await Middleware().InvokeAsync(context);

        Assert.Equal(403, context.Response.StatusCode);
        Assert.Equal(
            "groups \"system:masters\" is forbidden: User \"jane\" cannot impersonate resource \"groups\" in API group \"\" at the cluster scope",
            Body(context).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Impersonating_groups_without_a_user_is_an_error()
    {
        var context = Request("jane-token", ("Impersonate-Group", "ops"));

        await Middleware().InvokeAsync(context);

        Assert.Equal(500, context.Response.StatusCode);
        Assert.Contains("without impersonating a user", Body(context).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _clientCa.Dispose();
        _otherCa.Dispose();
    }
}
