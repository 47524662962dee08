using System.Net;
using System.Text.Json;
using VmLifecycle.LocalCluster.Security.Authentication;
using static VmLifecycle.LocalCluster.Tests.Security.InMemoryRbacObjects;

using VmLifecycle.LocalCluster.Tests.Infrastructure;

namespace VmLifecycle.LocalCluster.Tests.Security;

/// <summary>The authentication middleware behind HTTPS with client certificates, driven by the real kubectl.</summary>
public sealed class KubectlAuthenticationTests : IAsyncLifetime
{
    private readonly TestCertificateAuthority _servingCa = TestCertificateAuthority.Create("serving-ca");
    private readonly TestCertificateAuthority _clientCa = TestCertificateAuthority.Create("client-ca");
    private readonly string _tokenFile = Path.GetTempFileName();
    private SecuredTestServer? _server;

    public async ValueTask InitializeAsync()
    {
        Assert.True(Kubectl.IsInstalled, "kubectl is a required tool of this project (hack/install-deps.sh installs it) and is not on PATH");
        await File.WriteAllTextAsync(_tokenFile, "jane-token,jane,jane-uid,devs\n", TestContext.Current.CancellationToken);
        var rbac = new InMemoryRbacObjects()
            .ClusterRole("as-bob", Rule(["impersonate"], [""], ["users"], ["bob"]), Rule(["impersonate"], [""], ["groups"], ["ops"]))
            .ClusterRoleBinding("jane-as-bob", "as-bob", User("jane"))
            .ClusterRole("health", UrlRule(["get"], ["/healthz"]))
            .ClusterRoleBinding("devs-health", "health", Group("devs"));
        _server = await SecuredTestServer.StartAsync(
            _servingCa.IssueServer("localhost", ["localhost"], [IPAddress.Loopback]),
            new ClusterAuthenticationOptions { ClientCaCertificates = _clientCa.AsCollection(), TokenFilePath = _tokenFile },
            rbac);
    }

    private Kubectl WithToken(string token) => Kubectl.ForUser(_server!.Url, _servingCa.Pem, token: token);

    private static JsonElement WhoAmI(string stdout) => JsonDocument.Parse(stdout).RootElement.GetProperty("status").GetProperty("userInfo");

    [Fact]
    public async Task Kubectl_with_an_unknown_token_is_told_to_log_in()
    {
        using var kubectl = WithToken("not-in-the-file");

        var (exitCode, _, stderr) = await kubectl.RunAsync("get", "--raw", "/version");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error: You must be logged in to the server (Unauthorized)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_credentials_over_https_gets_the_unauthorized_status()
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        using var client = new HttpClient(handler);

        using var response = await client.GetAsync(new Uri($"{_server!.Url}/version"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}",
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Kubectl_with_a_token_from_the_token_file_is_that_user()
    {
        using var kubectl = WithToken("jane-token");

        var (exitCode, stdout, stderr) = await kubectl.RunAsync("auth", "whoami", "-o", "json");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("jane", WhoAmI(stdout).GetProperty("username").GetString());
        Assert.Equal(["devs", "system:authenticated"], WhoAmI(stdout).GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
    }

    [Fact]
    public async Task Kubectl_with_a_client_certificate_is_its_common_name_in_its_organizations()
    {
        using var certificate = _clientCa.IssueClient("carol", ["ops"]);
        using var kubectl = Kubectl.ForUser(_server!.Url, _servingCa.Pem, clientCertificate: certificate);

        var (exitCode, stdout, stderr) = await kubectl.RunAsync("auth", "whoami", "-o", "json");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("carol", WhoAmI(stdout).GetProperty("username").GetString());
        Assert.Equal(["ops", "system:authenticated"], WhoAmI(stdout).GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
    }

    [Fact]
    public async Task Kubectl_as_and_as_group_act_as_the_impersonated_identity_when_allowed()
    {
        using var kubectl = WithToken("jane-token");

        var (exitCode, stdout, stderr) = await kubectl.RunAsync("auth", "whoami", "-o", "json", "--as", "bob", "--as-group", "ops");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("bob", WhoAmI(stdout).GetProperty("username").GetString());
        Assert.Equal(["ops", "system:authenticated"], WhoAmI(stdout).GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
    }

    [Fact]
    public async Task Kubectl_as_a_user_it_may_not_impersonate_prints_kube_apiservers_forbidden_error()
    {
        using var kubectl = WithToken("jane-token");

        var (exitCode, _, stderr) = await kubectl.RunAsync("get", "--raw", "/version", "--as", "alice");

        Assert.NotEqual(0, exitCode);
        Assert.Contains(
            "Error from server (Forbidden): users \"alice\" is forbidden: User \"jane\" cannot impersonate resource \"users\" in API group \"\" at the cluster scope",
            stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_auth_can_i_answers_from_rbac()
    {
        using var kubectl = WithToken("jane-token");

        var allowed = await kubectl.RunAsync("auth", "can-i", "get", "/healthz");
        var denied = await kubectl.RunAsync("auth", "can-i", "get", "/metrics");

        Assert.True(allowed.ExitCode == 0, allowed.Error + allowed.Output);
        Assert.Equal((0, "yes"), (allowed.ExitCode, allowed.Output.Trim()));
        Assert.Equal((1, "no"), (denied.ExitCode, denied.Output.Trim()));
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        File.Delete(_tokenFile);
        _servingCa.Dispose();
        _clientCa.Dispose();
    }
}
