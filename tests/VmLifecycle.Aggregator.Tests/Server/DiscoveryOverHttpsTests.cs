using System.Net;
using System.Text.Json;
using k8s;
using k8s.Models;
using VmLifecycle.Aggregator.Tests.TestSupport;

namespace VmLifecycle.Aggregator.Tests.Server;

/// <summary>Discovery and health as kube-apiserver's aggregator and kubelet call them.</summary>
public sealed class DiscoveryOverHttpsTests
{
    [Fact]
    public async Task Availability_probe_identity_without_groups_gets_the_resource_list_without_a_review()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        using var aggregator = host.Proxy("system:kube-aggregator");

        using var response = await aggregator.GetAsync("/apis/subresources.kubevirt.io/v1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = KubernetesJson.Deserialize<V1APIResourceList>(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("APIResourceList", list.Kind);
        Assert.Equal("subresources.kubevirt.io/v1", list.GroupVersion);
        Assert.Equal(
            ["virtualmachineinstances/pause", "virtualmachineinstances/unpause", "virtualmachines/start", "virtualmachines/stop", "virtualmachines/restart", "virtualmachines/rename"],
            list.Resources.Select(resource => resource.Name));
        Assert.All(list.Resources, resource =>
        {
            Assert.False(string.IsNullOrEmpty(resource.Kind));
            Assert.Equal(["update"], resource.Verbs);
            Assert.True(resource.Namespaced);
        });
        Assert.Empty(host.Reviews.Reviews);
    }

    [Fact]
    public async Task Group_documents_use_the_correct_group_name()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        using var client = host.Proxy("jane");

        var group = KubernetesJson.Deserialize<V1APIGroup>(await client.GetStringAsync("/apis/subresources.kubevirt.io", TestContext.Current.CancellationToken));
        var groups = KubernetesJson.Deserialize<V1APIGroupList>(await client.GetStringAsync("/apis", TestContext.Current.CancellationToken));
        using var root = JsonDocument.Parse(await client.GetStringAsync("/", TestContext.Current.CancellationToken));

        Assert.Equal("subresources.kubevirt.io", group.Name);
        Assert.Equal("subresources.kubevirt.io/v1", group.PreferredVersion.GroupVersion);
        Assert.Equal("subresources.kubevirt.io", Assert.Single(groups.Groups).Name);
        Assert.Contains("/apis/subresources.kubevirt.io/v1", root.RootElement.GetProperty("paths").EnumerateArray().Select(path => path.GetString()));
    }

    [Fact]
    public async Task Version_reports_the_build()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        using var client = host.Proxy("jane");

        var version = KubernetesJson.Deserialize<VersionInfo>(await client.GetStringAsync("/apis/subresources.kubevirt.io/v1/version", TestContext.Current.CancellationToken));

        Assert.StartsWith("v", version.GitVersion, StringComparison.Ordinal);
        Assert.Contains('/', version.Platform);
    }

    [Fact]
    public async Task OpenApi_v2_is_a_404_status()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        using var client = host.Proxy("system:aggregator");

        using var response = await client.GetAsync("/openapi/v2", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NotFound", (await response.ReadStatusAsync()).Reason);
    }

    [Fact]
    public async Task Discovery_refuses_other_methods_with_405()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        using var client = host.Proxy("jane");

        using var response = await client.PutAsync("/apis/subresources.kubevirt.io/v1");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        await response.ReadStatusAsync();
    }

    [Fact]
    public async Task Healthz_reports_api_server_connectivity_as_virt_api_does()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        using var client = host.Client();

        using var ok = JsonDocument.Parse(await client.GetStringAsync("/apis/subresources.kubevirt.io/v1/healthz", TestContext.Current.CancellationToken));
        Assert.Equal("ok", ok.RootElement.GetProperty("apiserver").GetProperty("connectivity").GetString());
        Assert.Equal("v1.34.0", ok.RootElement.GetProperty("apiserver").GetProperty("version").GetProperty("gitVersion").GetString());
        Assert.Equal("rv-7", ok.RootElement.GetProperty("config-resource-version").GetString());

        host.Version.Failure = new HttpRequestException("connection refused");
        using var failed = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        using var body = JsonDocument.Parse(await failed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("failed", body.RootElement.GetProperty("apiserver").GetProperty("connectivity").GetString());
        Assert.Equal("connection refused", body.RootElement.GetProperty("apiserver").GetProperty("error").GetString());
    }

    [Fact]
    public async Task Unknown_paths_are_404_statuses()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        using var client = host.Proxy("jane");

        using var response = await client.GetAsync("/api/v1/pods.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await response.ReadStatusAsync();
    }
}
