using VmLifecycle.Aggregator.Kubernetes;
using VmLifecycle.Aggregator.Tests.TestSupport;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachines;

namespace VmLifecycle.Aggregator.Tests.Kubernetes;

/// <summary>What the production store sends to the API server, and how it reads the answers.</summary>
public sealed class KubernetesVirtualMachineStoreTests
{
    private const string VmPath = "/apis/kubevirt.io/v1/namespaces/default/virtualmachines/my-vm";

    [Fact]
    public async Task Vm_is_read_through_the_custom_objects_api_and_a_404_is_null()
    {
        await using var api = await FakeApiServer.StartAsync();
        api.Respond = (request, context) => request.PathAndQuery == VmPath
            ? FakeApiServer.Json(context, 200, """{"apiVersion":"kubevirt.io/v1","kind":"VirtualMachine","metadata":{"name":"my-vm","namespace":"default","uid":"u1","resourceVersion":"5"},"spec":{"runStrategy":"Halted","template":{}},"status":{"printableStatus":"Stopped"}}""")
            : FakeApiServer.Json(context, 404, """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404,"message":"not found"}""");
        var store = new KubernetesVirtualMachineStore(api.Client());

        var vm = await store.GetVmAsync("default", "my-vm", TestContext.Current.CancellationToken);
        var missing = await store.GetVmiAsync("default", "my-vm", TestContext.Current.CancellationToken);

        Assert.Equal(RunStrategy.Halted, vm!.Spec.RunStrategy);
        Assert.Equal("5", vm.Metadata.ResourceVersion);
        Assert.Equal(PrintableStatus.Stopped, vm.Status!.PrintableStatus);
        Assert.Null(missing);
        Assert.Equal("/apis/kubevirt.io/v1/namespaces/default/virtualmachineinstances/my-vm", api.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task Patches_are_json_patches_and_status_goes_to_the_status_subresource()
    {
        await using var api = await FakeApiServer.StartAsync();
        api.Respond = (_, context) => FakeApiServer.Json(context, 200, "{}");
        var store = new KubernetesVirtualMachineStore(api.Client());
        var patch = new JsonPatch().Test("/spec/runStrategy", JsonPatch.Value("Halted")).Replace("/spec/runStrategy", JsonPatch.Value("Always"));

        await store.PatchVmAsync("default", "my-vm", patch, TestContext.Current.CancellationToken);
        await store.PatchVmStatusAsync("default", "my-vm", patch, TestContext.Current.CancellationToken);
        await store.PatchVmiAsync("default", "my-vm", patch, TestContext.Current.CancellationToken);

        Assert.Collection(
            api.Requests,
            spec => Assert.Equal(("PATCH", VmPath, "application/json-patch+json; charset=utf-8", patch.ToJson()), (spec.Method, spec.PathAndQuery, spec.ContentType, spec.Body)),
            status => Assert.Equal(("PATCH", VmPath + "/status"), (status.Method, status.PathAndQuery)),
            vmi => Assert.Equal("/apis/kubevirt.io/v1/namespaces/default/virtualmachineinstances/my-vm", vmi.PathAndQuery));
    }

    [Fact]
    public async Task Api_errors_carry_the_servers_status()
    {
        await using var api = await FakeApiServer.StartAsync();
        api.Respond = (_, context) => FakeApiServer.Json(context, 422, """{"kind":"Status","apiVersion":"v1","status":"Failure","message":"testing value /status/stateChangeRequests failed: test failed","reason":"Invalid","code":422}""");
        var store = new KubernetesVirtualMachineStore(api.Client());

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => store.PatchVmStatusAsync("default", "my-vm", new JsonPatch(), TestContext.Current.CancellationToken));

        Assert.Equal(422, error.Code);
        Assert.Equal("testing value /status/stateChangeRequests failed: test failed", error.Message);
    }

    [Fact]
    public async Task Api_errors_carry_the_messages_of_the_statuss_causes()
    {
        await using var api = await FakeApiServer.StartAsync();
        api.Respond = (_, context) => FakeApiServer.Json(
            context,
            422,
            """{"kind":"Status","apiVersion":"v1","status":"Failure","message":"the server rejected our request due to an error in our request","reason":"Invalid","details":{"causes":[{"reason":"UnexpectedServerResponse","message":"testing value /status/stateChangeRequests failed: test failed"}]},"code":422}""");
        var store = new KubernetesVirtualMachineStore(api.Client());

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => store.PatchVmStatusAsync("default", "my-vm", new JsonPatch(), TestContext.Current.CancellationToken));

        Assert.Equal(("the server rejected our request due to an error in our request", "Invalid"), (error.Message, error.Reason));
        Assert.Equal(["testing value /status/stateChangeRequests failed: test failed"], error.Causes);
    }

    [Fact]
    public async Task Delete_sends_the_preconditions()
    {
        await using var api = await FakeApiServer.StartAsync();
        api.Respond = (_, context) => FakeApiServer.Json(context, 200, "{}");
        var store = new KubernetesVirtualMachineStore(api.Client());

        await store.DeleteVmAsync("default", "my-vm", new DeletePreconditions("u1", "5"), TestContext.Current.CancellationToken);

        var delete = Assert.Single(api.Requests);
        Assert.Equal(("DELETE", VmPath), (delete.Method, delete.PathAndQuery));
        Assert.Contains("\"preconditions\":{\"resourceVersion\":\"5\",\"uid\":\"u1\"}", delete.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_posts_the_vm_in_api_json()
    {
        await using var api = await FakeApiServer.StartAsync();
        api.Respond = (_, context) => FakeApiServer.Json(context, 201, """{"apiVersion":"kubevirt.io/v1","kind":"VirtualMachine","metadata":{"name":"new-name","namespace":"default","uid":"u2"},"spec":{"template":{}}}""");
        var store = new KubernetesVirtualMachineStore(api.Client());

        var created = await store.CreateVmAsync(Objects.Vm(RunStrategy.Halted, name: "new-name"), TestContext.Current.CancellationToken);

        var create = Assert.Single(api.Requests);
        Assert.Equal(("POST", "/apis/kubevirt.io/v1/namespaces/default/virtualmachines"), (create.Method, create.PathAndQuery));
        Assert.Contains("\"runStrategy\":\"Halted\"", create.Body, StringComparison.Ordinal);
        Assert.Equal("u2", created.Metadata.Uid);
    }

    [Fact]
    public async Task Node_is_read_with_the_typed_client()
    {
        await using var api = await FakeApiServer.StartAsync();
        api.Respond = (_, context) => FakeApiServer.Json(context, 200, "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"node-1\",\"annotations\":{\"" + Annotations.HandlerEndpoint + "\":\"10.0.0.5:8186\"}}}");
        var store = new KubernetesVirtualMachineStore(api.Client());

        var node = await store.GetNodeAsync("node-1", TestContext.Current.CancellationToken);

        Assert.Equal("/api/v1/nodes/node-1", Assert.Single(api.Requests).PathAndQuery);
        Assert.Equal(new Uri("https://10.0.0.5:8186"), Aggregator.NodeHandlerClient.NodeHandlerEndpoint.Of(node!));
    }
}
