using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Tests.Infrastructure;
using VmLifecycle.LocalCluster.Tests.Security;

namespace VmLifecycle.LocalCluster.Tests.Aggregation;

/// <summary>
/// The aggregation layer of the real server end to end: an APIService whose service address comes from
/// --aggregated-backend, a <see cref="TestBackend"/> serving with a certificate of a test CA given as caBundle,
/// RBAC in front of the proxy, and the ConfigMap extension API servers read.
/// </summary>
public sealed class ClusterAggregationTests : IAsyncLifetime
{
    private const string Group = "aggregated.vmlifecycle.io";
    private const string ThingPath = $"/apis/{Group}/v1/namespaces/ns1/things/a";
    private readonly TestCertificateAuthority _servingCa = TestCertificateAuthority.Create("aggregated-serving-ca");
    private TestBackend? _backend;
    private RunningCluster? _cluster;

    private TestBackend Backend => _backend ?? throw new InvalidOperationException("The backend has not started.");

    private RunningCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public async ValueTask InitializeAsync()
    {
        Assert.True(Kubectl.IsInstalled, "kubectl is a required tool of this project (hack/install-deps.sh installs it) and is not on PATH");
        using var serving = _servingCa.IssueServer("api", ["api.vm-system.svc"], []);
        _backend = await TestBackend.StartAsync(X509CertificateLoader.LoadPkcs12(serving.Export(X509ContentType.Pkcs12), null), Group, "v1");
        _cluster = await RunningCluster.StartAsync(
            extraArguments: ["--aggregated-backend", $"vm-system/api={Backend.Url}"],
            cancellationToken: TestContext.Current.CancellationToken);
        var caBundle = Convert.ToBase64String(Encoding.ASCII.GetBytes(_servingCa.Pem));
        await Cluster.Kubectl.ApplyAsync($"""
            apiVersion: apiregistration.k8s.io/v1
            kind: APIService
            metadata:
              name: v1.{Group}
            spec:
              group: {Group}
              version: v1
              service: {"{"}namespace: vm-system, name: api{"}"}
              caBundle: {caBundle}
              groupPriorityMinimum: 1000
              versionPriority: 15
            ---
            apiVersion: apiregistration.k8s.io/v1
            kind: APIService
            metadata:
              name: v1.missing.vmlifecycle.io
            spec:
              group: missing.vmlifecycle.io
              version: v1
              service: {"{"}namespace: vm-system, name: missing{"}"}
              caBundle: {caBundle}
              groupPriorityMinimum: 1000
              versionPriority: 15
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: things-reader
            rules:
            - apiGroups: ["{Group}", "missing.vmlifecycle.io"]
              resources: ["things"]
              verbs: ["get"]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: jane-reads-things
            roleRef: {"{"}apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: things-reader{"}"}
            subjects:
            - {"{"}apiGroup: rbac.authorization.k8s.io, kind: User, name: jane{"}"}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: viewer-views
            roleRef: {"{"}apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view{"}"}
            subjects:
            - {"{"}apiGroup: rbac.authorization.k8s.io, kind: User, name: viewer{"}"}
            """);
        var available = await Eventually.ValueAsync(() => AvailableAsync($"v1.{Group}"), status => status == "True");
        Assert.Equal("True", available);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_backend is not null)
        {
            await _backend.DisposeAsync();
        }

        _servingCa.Dispose();
    }

    private async Task<string> AvailableAsync(string apiService) =>
        (await Cluster.Kubectl.RunAsync("get", "apiservice", apiService, "-o", "jsonpath={.status.conditions[?(@.type==\"Available\")].status}")).Output;

    private Kubectl As(string user, params string[] groups)
    {
        using var certificate = Cluster.IssueClientCertificate(user, groups);
        return Kubectl.ForUser(Cluster.ServerUri.ToString(), Cluster.CaPem, clientCertificate: certificate);
    }

    [Fact]
    public async Task The_api_service_with_a_backend_is_available_and_the_one_without_is_not()
    {
        var table = await Cluster.Kubectl.SucceedAsync("get", "apiservices");

        Assert.Matches($@"(?m)^v1\.{Group.Replace(".", @"\.", StringComparison.Ordinal)}\s+vm-system/api\s+True\s", table);
        Assert.Equal("False", await AvailableAsync("v1.missing.vmlifecycle.io"));
    }

    [Fact]
    public async Task A_request_reaches_the_backend_with_the_front_proxy_certificate_and_the_callers_identity_only()
    {
        using var jane = Cluster.IssueClientCertificate("jane", "devs");
        using var http = Cluster.CreateHttpClient(jane);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(ThingPath + "?pretty=true", UriKind.Relative));
        request.Headers.Add("X-Remote-User", "mallory");
        request.Headers.Add("X-Remote-Group", "system:masters");
        request.Headers.Add("X-Remote-Extra-Scopes", "everything");

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"echo\":\"\"}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var seen = Assert.Single(Backend.Requests, r => r.Path == ThingPath);
        Assert.Equal("?pretty=true", seen.Query);
        Assert.Equal("CN=front-proxy-client", seen.ClientCertificateSubject);
        Assert.Equal(["jane"], seen.Headers["X-Remote-User"]);
        Assert.Equal(["devs", "system:authenticated"], seen.Headers["X-Remote-Group"]);
        Assert.DoesNotContain(seen.Headers.Keys, h => h.StartsWith("X-Remote-Extra-", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(seen.Headers.Keys, h => h.Equals("Authorization", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Kubectl_reaches_the_backend_through_the_cluster()
    {
        using var jane = As("jane");

        var (exitCode, stdout, stderr) = await jane.RunAsync("get", "--raw", ThingPath);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("{\"echo\":\"\"}", stdout.Trim());
    }

    [Fact]
    public async Task A_view_user_is_refused_by_the_clusters_rbac_before_the_proxy()
    {
        using var viewer = As("viewer");

        var (exitCode, _, stderr) = await viewer.RunAsync("get", "--raw", ThingPath);

        Assert.NotEqual(0, exitCode);
        Assert.Equal(
            $"Error from server (Forbidden): things.{Group} \"a\" is forbidden: User \"viewer\" cannot get resource \"things\" in API group \"{Group}\" in the namespace \"ns1\"",
            stderr.Trim());
        Assert.DoesNotContain(Backend.Requests, r => r.Headers.TryGetValue("X-Remote-User", out var user) && user.Contains("viewer"));
    }

    [Fact]
    public async Task An_api_service_that_is_not_available_answers_503_service_unavailable()
    {
        using var jane = Cluster.IssueClientCertificate("jane", "devs");
        using var http = Cluster.CreateHttpClient(jane);

        using var response = await http.GetAsync(new Uri("/apis/missing.vmlifecycle.io/v1/namespaces/ns1/things/a", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("service unavailable\n", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Discovery_lists_the_group_and_proxies_its_version_document()
    {
        var groups = await Cluster.Kubectl.SucceedAsync("get", "--raw", "/apis");
        var group = JsonNode.Parse(await Cluster.Kubectl.SucceedAsync("get", "--raw", $"/apis/{Group}"))!;
        var resources = JsonNode.Parse(await Cluster.Kubectl.SucceedAsync("get", "--raw", $"/apis/{Group}/v1"))!;

        Assert.Contains($"\"name\":\"{Group}\"", groups, StringComparison.Ordinal);
        Assert.Equal($"{Group}/v1", group["preferredVersion"]!["groupVersion"]!.GetValue<string>());
        Assert.Equal(("APIResourceList", $"{Group}/v1"), (resources["kind"]!.GetValue<string>(), resources["groupVersion"]!.GetValue<string>()));
        Assert.Contains(Backend.Requests, r => r.Path == $"/apis/{Group}/v1" && r.Headers.TryGetValue("X-Remote-User", out var user) && user.Contains("kubernetes-admin"));
    }

    [Fact]
    public async Task The_extension_apiserver_authentication_config_map_has_the_keys_kube_apiserver_writes()
    {
        var configMap = JsonNode.Parse(await Cluster.Kubectl.SucceedAsync("get", "configmap", "extension-apiserver-authentication", "-n", "kube-system", "-o", "json"))!;
        var data = configMap["data"]!.AsObject();

        Assert.Equal(
            ["client-ca-file", "requestheader-allowed-names", "requestheader-client-ca-file", "requestheader-extra-headers-prefix", "requestheader-group-headers", "requestheader-uid-headers", "requestheader-username-headers"],
            data.Select(d => d.Key).Order(StringComparer.Ordinal));
        Assert.Equal(Cluster.CaPem.Trim(), data["client-ca-file"]!.GetValue<string>().Trim());
        Assert.Equal(
            (await File.ReadAllTextAsync(Path.Combine(Cluster.DataDirectory, "Pki", "front-proxy-ca.crt"), TestContext.Current.CancellationToken)).Trim(),
            data["requestheader-client-ca-file"]!.GetValue<string>().Trim());
        Assert.Equal("[\"front-proxy-client\"]", data["requestheader-allowed-names"]!.GetValue<string>());
        Assert.Equal("[\"X-Remote-User\"]", data["requestheader-username-headers"]!.GetValue<string>());
    }
}
