using System.Net;
using VmLifecycle.Aggregator.Observability;
using VmLifecycle.Aggregator.Responses;
using VmLifecycle.Aggregator.Tests.TestSupport;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Api.VirtualMachines;
using static VmLifecycle.Aggregator.Tests.Server.ServerTestExtensions;

namespace VmLifecycle.Aggregator.Tests.Server;

/// <summary>The lifecycle subresources through the real server: authorization, routing, bodies, and the Status of every error.</summary>
public sealed class SubresourcesOverHttpsTests
{
    [Fact]
    public async Task Edit_user_starts_a_vm_with_the_review_kube_apiserver_would_ask()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        host.Store.Add(Objects.Vm(RunStrategy.Halted));
        using var client = host.Proxy("jane", "editors");

        using var response = await client.PutAsync(Base + "/virtualmachines/my-vm/start", "");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var review = Assert.Single(host.Reviews.Reviews);
        Assert.Equal(("update", "subresources.kubevirt.io", "v1", "virtualmachines", "start", "default", "my-vm"),
            (review.Verb, review.Group, review.Version, review.Resource, review.Subresource, review.Namespace, review.Name));
        Assert.Equal("PatchVm", Assert.Single(host.Store.Writes).Operation);
        var recorded = Assert.Single(host.Events.Events);
        Assert.Equal(LifecycleEventMessages.Requested("start", "jane"), recorded.Message);
    }

    [Fact]
    public async Task View_user_gets_403_in_kube_apiservers_words()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        host.Store.Add(Objects.Vm(RunStrategy.Halted));
        using var client = host.Proxy("bob", "viewers");

        using var response = await client.PutAsync(Base + "/virtualmachines/my-vm/start");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var status = await response.ReadStatusAsync();
        Assert.Equal("Forbidden", status.Reason);
        Assert.Equal(
            "virtualmachines.subresources.kubevirt.io \"my-vm\" is forbidden: User \"bob\" cannot update resource \"virtualmachines/start\" in API group \"subresources.kubevirt.io\" in the namespace \"default\"",
            status.Message);
        Assert.Equal(("my-vm", "subresources.kubevirt.io", "virtualmachines"), (status.Details.Name, status.Details.Group, status.Details.Kind));
        Assert.Empty(host.Store.Writes);
    }

    [Fact]
    public async Task Authorization_answers_are_cached()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        host.Store.Add(Objects.Vm(RunStrategy.Halted));
        using var client = host.Proxy("bob", "viewers");

        (await client.PutAsync(Base + "/virtualmachines/my-vm/start")).Dispose();
        (await client.PutAsync(Base + "/virtualmachines/my-vm/start")).Dispose();

        Assert.Single(host.Reviews.Reviews);
        using var metrics = host.Client();
        var text = await metrics.GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.Contains("vm_lifecycle_aggregator_authorization_cache_total{result=\"hit\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("vm_lifecycle_aggregator_requests_total{subresource=\"virtualmachines/start\",method=\"PUT\",code=\"403\"} 2", text, StringComparison.Ordinal);
        Assert.Contains("vm_lifecycle_aggregator_request_duration_seconds_bucket{subresource=\"virtualmachines/start\",method=\"PUT\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_review_is_500_not_a_denial()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        host.Reviews.Failure = new HttpRequestException("connection refused");
        using var client = host.Proxy("jane");

        using var response = await client.PutAsync(Base + "/virtualmachines/my-vm/start");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(KubeVirtMessages.InternalError("connection refused"), (await response.ReadStatusAsync()).Message);
    }

    [Fact]
    public async Task Unknown_subresource_is_404_for_an_authorized_user_and_403_for_others()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        using var admin = host.Proxy("admin", "system:masters");
        using var viewer = host.Proxy("bob");

        using var notFound = await admin.PutAsync(Base + "/virtualmachines/my-vm/explode");
        using var forbidden = await viewer.PutAsync(Base + "/virtualmachines/my-vm/explode");
        using var unknownResource = await admin.PutAsync(Base + "/pods/my-vm/start");

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(AggregatorMessages.PathNotFound, (await notFound.ReadStatusAsync()).Message);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownResource.StatusCode);
    }

    [Fact]
    public async Task Wrong_method_is_405_with_Allow_PUT()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        using var admin = host.Proxy("admin", "system:masters");

        using var response = await admin.GetAsync(Base + "/virtualmachines/my-vm/start", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("MethodNotAllowed", (await response.ReadStatusAsync()).Reason);
        Assert.Contains("PUT", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Body_over_one_mebibyte_is_413()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        host.Store.Add(Objects.Vm(RunStrategy.Halted));
        using var client = host.Proxy("jane");

        using var response = await client.PutAsync(Base + "/virtualmachines/my-vm/start", "{\"x\":\"" + new string('a', 1024 * 1024) + "\"}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(AggregatorMessages.RequestEntityTooLarge(1024 * 1024), (await response.ReadStatusAsync()).Message);
        Assert.Empty(host.Store.Writes);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"paused":"yes"}""")]
    [InlineData("""{"dryRun":"All"}""")]
    public async Task Malformed_or_wrongly_typed_body_is_400(string body)
    {
        await using var host = await AggregatorTestHost.StartAsync();
        host.Store.Add(Objects.Vm(RunStrategy.Halted));
        using var client = host.Proxy("jane");

        using var response = await client.PutAsync(Base + "/virtualmachines/my-vm/start", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(KubeVirtMessages.CannotUnmarshalBodyPrefix, (await response.ReadStatusAsync()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Yaml_body_with_dry_run_validates_without_writing()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        host.Store.Add(Objects.Vm(RunStrategy.Always)).Add(Objects.Vmi(VirtualMachineInstancePhase.Running));
        using var client = host.Proxy("jane");

        using var response = await client.PutAsync(Base + "/virtualmachines/my-vm/stop", "gracePeriod: 0\ndryRun: [All]\n", "application/yaml");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(host.Store.Writes);
    }

    [Fact]
    public async Task Unsupported_dry_run_value_is_400()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        using var client = host.Proxy("jane");

        using var response = await client.PutAsync(Base + "/virtualmachines/my-vm/stop", """{"dryRun":["Server"]}""");

        Assert.Equal(AggregatorMessages.UnsupportedDryRun("Server"), (await response.ReadStatusAsync()).Message);
    }

    [Theory]
    [InlineData("/virtualmachines/My_VM/start", "virtualmachine.kubevirt.io \"My_VM\" not found")]
    [InlineData("/virtualmachines/absent/start", "virtualmachine.kubevirt.io \"absent\" not found")]
    [InlineData("/virtualmachineinstances/absent/pause", "virtualmachineinstance.kubevirt.io \"absent\" not found")]
    public async Task Invalid_or_missing_objects_are_404(string path, string message)
    {
        await using var host = await AggregatorTestHost.StartAsync();
        using var client = host.Proxy("jane");

        using var response = await client.PutAsync(Base + path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(message, (await response.ReadStatusAsync()).Message);
    }

    [Fact]
    public async Task Conflicts_carry_virt_apis_message()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        host.Store.Add(Objects.Vm(RunStrategy.Always));
        using var client = host.Proxy("jane");

        using var response = await client.PutAsync(Base + "/virtualmachines/my-vm/start");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var status = await response.ReadStatusAsync();
        Assert.Equal("Conflict", status.Reason);
        Assert.Equal(KubeVirtMessages.Conflict("virtualmachine", "my-vm", KubeVirtMessages.ManualStartNotSupported(RunStrategy.Always)), status.Message);
    }

    [Fact]
    public async Task Rename_of_a_stopped_vm_is_202()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        host.Store.Add(Objects.Vm(RunStrategy.Halted));
        using var client = host.Proxy("jane");

        using var response = await client.PutAsync(Base + "/virtualmachines/my-vm/rename", """{"newName":"new-name"}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(host.Store.HasVm("default", "new-name"));
        Assert.False(host.Store.HasVm("default", "my-vm"));
    }
}
