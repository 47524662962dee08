using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Tests.Infrastructure;

namespace VmLifecycle.LocalCluster.Tests.Security;

/// <summary>
/// RBAC, authentication and impersonation of the real server, driven by the real kubectl as users other than the
/// admin: client certificates issued by the cluster CA and tokens from the --token-file, bound to the default roles.
/// </summary>
public sealed class ClusterRbacTests : IAsyncLifetime
{
    private const string Namespace = "team-a";
    private readonly string _tokenFile = Path.GetTempFileName();
    private RunningCluster? _cluster;

    private RunningCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public async ValueTask InitializeAsync()
    {
        Assert.True(Kubectl.IsInstalled, "kubectl is a required tool of this project (hack/install-deps.sh installs it) and is not on PATH");
        await File.WriteAllTextAsync(_tokenFile, "viewer-token,token-viewer,token-viewer-uid,\"readers\"\n", TestContext.Current.CancellationToken);
        _cluster = await RunningCluster.StartAsync(extraArguments: ["--token-file", _tokenFile], cancellationToken: TestContext.Current.CancellationToken);
        var admin = Cluster.Kubectl;
        await admin.SucceedAsync("create", "namespace", Namespace);
        await admin.SucceedAsync("create", "configmap", "settings", "-n", Namespace, "--from-literal=mode=on");
        await admin.SucceedAsync("create", "rolebinding", "viewers", "-n", Namespace, "--clusterrole=view", "--user=viewer", "--group=readers");
        await admin.SucceedAsync("create", "rolebinding", "editors", "-n", Namespace, "--clusterrole=edit", "--user=editor");
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        File.Delete(_tokenFile);
    }

    private Kubectl As(string user, params string[] groups)
    {
        using var certificate = Cluster.IssueClientCertificate(user, groups);
        return Kubectl.ForUser(Cluster.ServerUri.ToString(), Cluster.CaPem, clientCertificate: certificate);
    }

    private Kubectl WithToken(string token) => Kubectl.ForUser(Cluster.ServerUri.ToString(), Cluster.CaPem, token: token);

    [Fact]
    public async Task A_view_user_can_get_and_list_but_is_refused_create_and_delete_with_kube_apiservers_message()
    {
        using var viewer = As("viewer");

        var list = await viewer.RunAsync("get", "configmaps", "-n", Namespace);
        var get = await viewer.RunAsync("get", "configmap", "settings", "-n", Namespace, "-o", "jsonpath={.data.mode}");
        var create = await viewer.RunAsync("create", "configmap", "new-one", "-n", Namespace);
        var delete = await viewer.RunAsync("delete", "configmap", "settings", "-n", Namespace);

        Assert.True(list.ExitCode == 0, list.Error);
        Assert.Contains("settings", list.Output, StringComparison.Ordinal);
        Assert.Equal("on", get.Output);
        Assert.NotEqual(0, create.ExitCode);
        Assert.Equal(
            "error: failed to create configmap: configmaps is forbidden: User \"viewer\" cannot create resource \"configmaps\" in API group \"\" in the namespace \"team-a\"",
            create.Error.Trim());
        Assert.Equal(
            "Error from server (Forbidden): configmaps \"settings\" is forbidden: User \"viewer\" cannot delete resource \"configmaps\" in API group \"\" in the namespace \"team-a\"",
            delete.Error.Trim());
    }

    [Fact]
    public async Task A_token_from_the_token_file_authenticates_its_user_and_groups()
    {
        using var viewer = WithToken("viewer-token");

        var list = await viewer.RunAsync("get", "configmaps", "-n", Namespace);
        var delete = await viewer.RunAsync("delete", "configmap", "settings", "-n", Namespace);
        var whoami = await viewer.RunAsync("auth", "whoami", "-o", "json");

        Assert.True(list.ExitCode == 0, list.Error);
        Assert.Contains("User \"token-viewer\" cannot delete resource \"configmaps\"", delete.Error, StringComparison.Ordinal);
        var user = JsonNode.Parse(whoami.Output)!["status"]!["userInfo"]!;
        Assert.Equal("token-viewer", user["username"]!.GetValue<string>());
        Assert.Equal("token-viewer-uid", user["uid"]!.GetValue<string>());
        Assert.Equal(["readers", "system:authenticated"], user["groups"]!.AsArray().Select(g => g!.GetValue<string>()));
    }

    [Fact]
    public async Task An_edit_user_can_create_and_delete()
    {
        using var editor = As("editor");

        var create = await editor.RunAsync("create", "configmap", "made-by-editor", "-n", Namespace);
        var delete = await editor.RunAsync("delete", "configmap", "made-by-editor", "-n", Namespace);

        Assert.True(create.ExitCode == 0, create.Error);
        Assert.True(delete.ExitCode == 0, delete.Error);
    }

    [Fact]
    public async Task Kubectl_auth_can_i_answers_yes_and_no_and_lists_the_rules()
    {
        using var viewer = As("viewer");

        var canList = await viewer.RunAsync("auth", "can-i", "list", "configmaps", "-n", Namespace);
        var canCreate = await viewer.RunAsync("auth", "can-i", "create", "configmaps", "-n", Namespace);
        var elsewhere = await viewer.RunAsync("auth", "can-i", "list", "configmaps", "-n", "default");
        var rules = await viewer.RunAsync("auth", "can-i", "--list", "-n", Namespace);

        Assert.Equal((0, "yes"), (canList.ExitCode, canList.Output.Trim()));
        Assert.Equal((1, "no"), (canCreate.ExitCode, canCreate.Output.Trim()));
        Assert.Equal("no", elsewhere.Output.Trim());
        Assert.True(rules.ExitCode == 0, rules.Error);
        Assert.Matches(@"(?m)^configmaps\s+\[\]\s+\[\]\s+\[get list watch\]", rules.Output);
        Assert.Matches(@"(?m)^selfsubjectaccessreviews\.authorization\.k8s\.io\s+\[\]\s+\[\]\s+\[create\]", rules.Output);
    }

    [Fact]
    public async Task The_admin_may_impersonate_and_then_acts_with_the_impersonated_users_rights()
    {
        var get = await Cluster.Kubectl.RunAsync("get", "configmaps", "-n", Namespace, "--as=viewer");
        var create = await Cluster.Kubectl.RunAsync("create", "configmap", "as-viewer", "-n", Namespace, "--as=viewer");
        var whoami = await Cluster.Kubectl.RunAsync("auth", "whoami", "--as=viewer", "--as-group=readers", "-o", "jsonpath={.status.userInfo.username} {.status.userInfo.groups}");

        Assert.True(get.ExitCode == 0, get.Error);
        Assert.Contains("User \"viewer\" cannot create resource \"configmaps\"", create.Error, StringComparison.Ordinal);
        Assert.Equal("viewer [\"readers\",\"system:authenticated\"]", whoami.Output);
    }

    [Fact]
    public async Task A_plain_user_may_not_impersonate()
    {
        using var viewer = As("viewer");

        var get = await viewer.RunAsync("get", "configmaps", "-n", Namespace, "--as=kubernetes-admin");
        var raw = await viewer.RunAsync("get", "--raw", $"/api/v1/namespaces/{Namespace}/configmaps", "--as=kubernetes-admin");

        // kubectl get starts with discovery, which is refused too, and then reports only "Forbidden: unknown";
        // the raw request shows the Status the server answers.
        Assert.NotEqual(0, get.ExitCode);
        Assert.Contains("Error from server (Forbidden)", get.Error, StringComparison.Ordinal);
        Assert.Equal(
            "Error from server (Forbidden): users \"kubernetes-admin\" is forbidden: User \"viewer\" cannot impersonate resource \"users\" in API group \"\" at the cluster scope",
            raw.Error.Trim());
    }

    [Fact]
    public async Task Anonymous_requests_get_health_and_version_but_403_on_resources_and_discovery()
    {
        using var http = Https(clientCertificate: null);

        using var healthz = await http.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        using var readyz = await http.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);
        using var version = await http.GetAsync(new Uri("/version", UriKind.Relative), TestContext.Current.CancellationToken);
        using var configMaps = await http.GetAsync(new Uri($"/api/v1/namespaces/{Namespace}/configmaps", UriKind.Relative), TestContext.Current.CancellationToken);
        using var apis = await http.GetAsync(new Uri("/apis", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, "ok"), (healthz.StatusCode, await healthz.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(HttpStatusCode.OK, readyz.StatusCode);
        Assert.Equal(HttpStatusCode.OK, version.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, configMaps.StatusCode);
        var status = JsonNode.Parse(await configMaps.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal(
            "configmaps is forbidden: User \"system:anonymous\" cannot list resource \"configmaps\" in API group \"\" in the namespace \"team-a\"",
            status["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, apis.StatusCode);
        Assert.Equal(
            "forbidden: User \"system:anonymous\" cannot get path \"/apis\"",
            JsonNode.Parse(await apis.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_authenticated_user_without_bindings_reads_discovery_through_system_discovery()
    {
        using var stranger = As("stranger");

        var resources = await stranger.RunAsync("api-resources", "--api-group=rbac.authorization.k8s.io");
        var configMaps = await stranger.RunAsync("get", "configmaps", "-n", Namespace);

        Assert.True(resources.ExitCode == 0, resources.Error);
        Assert.Contains("clusterroles", resources.Output, StringComparison.Ordinal);
        Assert.Contains("User \"stranger\" cannot list resource \"configmaps\"", configMaps.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_from_another_ca_or_an_unknown_token_is_401_not_anonymous()
    {
        using var otherCa = TestCertificateAuthority.Create("not-the-cluster-ca");
        using var foreign = otherCa.IssueClient("mallory", ["system:masters"]);
        using var http = Https(foreign);
        using var unknownToken = WithToken("no-such-token");

        using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        var kubectl = await unknownToken.RunAsync("get", "--raw", "/healthz");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized", JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["reason"]!.GetValue<string>());
        Assert.Contains("error: You must be logged in to the server (Unauthorized)", kubectl.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cluster_role_labelled_for_view_is_aggregated_into_view()
    {
        await Cluster.Kubectl.ApplyAsync("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: widgets-view
              labels:
                rbac.authorization.k8s.io/aggregate-to-view: "true"
            rules:
            - apiGroups: ["test.vmlifecycle.io"]
              resources: ["widgets"]
              verbs: ["get", "list", "watch"]
            """);
        using var viewer = As("viewer");

        var canList = await Eventually.ValueAsync(() => viewer.RunAsync("auth", "can-i", "list", "widgets.test.vmlifecycle.io", "-n", Namespace), r => r.Output.Trim() == "yes");

        Assert.Equal("yes", canList.Output.Trim());
    }

    private HttpClient Https(X509Certificate2? clientCertificate) => Cluster.CreateHttpClient(clientCertificate);
}
