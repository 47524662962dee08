using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using VmLifecycle.LocalCluster.Tests.Infrastructure;

namespace VmLifecycle.LocalCluster.Tests.Serving;

[Collection(SharedCluster.Name)]
public sealed class ServingTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Kubectl_Lists_The_System_Namespaces_With_The_Written_Kubeconfig()
    {
        var output = await fixture.Kubectl.SucceedAsync("get", "namespaces");

        Assert.Contains("default", output, StringComparison.Ordinal);
        Assert.Contains("kube-system", output, StringComparison.Ordinal);
        Assert.Matches(@"default\s+Active", output);
    }

    [Fact]
    public async Task Request_Without_Credentials_Is_Anonymous_And_Forbidden_By_Rbac()
    {
        using var handler = new HttpClientHandler();
        var ca = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(fixture.Cluster.DataDirectory, "Pki", "ca.crt")));
        handler.ServerCertificateCustomValidationCallback = (_, certificate, chain, _) =>
        {
            chain!.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            return chain.Build(certificate!);
        };
        using var http = new HttpClient(handler) { BaseAddress = fixture.Cluster.ServerUri };

        using var response = await http.GetAsync(new Uri("/api/v1/namespaces", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("Status", status["kind"]!.GetValue<string>());
        Assert.Equal("Forbidden", status["reason"]!.GetValue<string>());
        Assert.Equal(
            "namespaces is forbidden: User \"system:anonymous\" cannot list resource \"namespaces\" in API group \"\" at the cluster scope",
            status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Api_Resources_Lists_Built_In_And_Custom_Resources_With_Short_Names()
    {
        var output = await fixture.Kubectl.SucceedAsync("api-resources");

        Assert.Matches(@"widgets\s+wd\s+test\.vmlifecycle\.io/v1\s+true\s+Widget", output);
        Assert.Matches(@"customresourcedefinitions\s+crd,crds\s+apiextensions\.k8s\.io/v1\s+false\s+CustomResourceDefinition", output);
        Assert.Matches(@"leases\s+coordination\.k8s\.io/v1\s+true\s+Lease", output);
        Assert.Matches(@"selfsubjectaccessreviews\s+authorization\.k8s\.io/v1\s+false\s+SelfSubjectAccessReview", output);
    }

    [Fact]
    public async Task Get_All_Includes_Resources_Of_The_All_Category()
    {
        var ns = await fixture.CreateNamespaceAsync("all");
        await fixture.Kubectl.ApplyAsync(Widgets.Yaml("listed", ns));

        var output = await fixture.Kubectl.SucceedAsync("get", "all", "-n", ns);

        Assert.Contains("widget.test.vmlifecycle.io/listed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discovery_Lists_Status_Subresources_With_Their_Kind()
    {
        var output = await fixture.Kubectl.SucceedAsync("get", "--raw", "/apis/test.vmlifecycle.io/v1");
        var resources = JsonNode.Parse(output)!["resources"]!.AsArray();

        var status = resources.Single(r => r!["name"]!.GetValue<string>() == "widgets/status")!;
        Assert.Equal("Widget", status["kind"]!.GetValue<string>());
        Assert.Equal(["get", "patch", "update"], status["verbs"]!.AsArray().Select(v => v!.GetValue<string>()));
        var widgets = resources.Single(r => r!["name"]!.GetValue<string>() == "widgets")!;
        Assert.Equal("widget", widgets["singularName"]!.GetValue<string>());
        Assert.Equal(["all"], widgets["categories"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public async Task Version_And_Health_Endpoints_Answer()
    {
        var version = await fixture.Kubectl.SucceedAsync("version", "-o", "json");
        Assert.Equal("32", JsonNode.Parse(version)!["serverVersion"]!["minor"]!.GetValue<string>());

        Assert.Equal("ok", await fixture.Kubectl.SucceedAsync("get", "--raw", "/readyz"));
        Assert.Equal("ok", await fixture.Kubectl.SucceedAsync("get", "--raw", "/livez"));
    }

    [Fact]
    public async Task Unknown_Path_Is_A_404_Status()
    {
        var result = await fixture.Kubectl.RunAsync("get", "--raw", "/apis/nothing.example.com/v1");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("NotFound", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_Creates_Built_In_Objects_Sent_As_Protobuf()
    {
        var ns = await fixture.CreateNamespaceAsync("proto");

        await fixture.Kubectl.SucceedAsync("create", "configmap", "settings", "-n", ns, "--from-literal=color=blue");
        await fixture.Kubectl.SucceedAsync("create", "secret", "generic", "token", "-n", ns, "--from-literal=key=s3cret");
        await fixture.Kubectl.SucceedAsync("create", "clusterrole", $"reader-{ns}", "--verb=get,list", "--resource=configmaps");

        Assert.Equal("blue", await fixture.Kubectl.SucceedAsync("get", "configmap", "settings", "-n", ns, "-o", "jsonpath={.data.color}"));
        Assert.Equal("czNjcmV0", await fixture.Kubectl.SucceedAsync("get", "secret", "token", "-n", ns, "-o", "jsonpath={.data.key}"));
        Assert.Equal("get list", await fixture.Kubectl.SucceedAsync("get", "clusterrole", $"reader-{ns}", "-o", "jsonpath={.rules[0].verbs[*]}"));
    }

    [Fact]
    public async Task Service_Backed_ApiService_Groups_Are_Listed_In_Discovery()
    {
        // Its own cluster: an APIService without a backend makes kubectl's discovery incomplete for everyone else.
        await using var cluster = await RunningCluster.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await cluster.Kubectl.ApplyAsync("""
            apiVersion: apiregistration.k8s.io/v1
            kind: APIService
            metadata: {name: v1.aggregated.test.vmlifecycle.io}
            spec:
              group: aggregated.test.vmlifecycle.io
              version: v1
              groupPriorityMinimum: 1000
              versionPriority: 15
              service: {name: backend, namespace: default, port: 443}
            """);

        var groups = JsonNode.Parse(await cluster.Kubectl.SucceedAsync("get", "--raw", "/apis"))!["groups"]!.AsArray();
        var group = JsonNode.Parse(await cluster.Kubectl.SucceedAsync("get", "--raw", "/apis/aggregated.test.vmlifecycle.io"))!;

        Assert.Contains(groups, g => g!["name"]!.GetValue<string>() == "aggregated.test.vmlifecycle.io");
        Assert.Equal("aggregated.test.vmlifecycle.io/v1", group["preferredVersion"]!["groupVersion"]!.GetValue<string>());
    }
}
