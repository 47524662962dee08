using System.Net;
using VmLifecycle.Aggregator.Tests.TestSupport;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;
using static VmLifecycle.Aggregator.Tests.Server.ServerTestExtensions;

namespace VmLifecycle.Aggregator.Tests.Server;

/// <summary>Pause and unpause through the real server to a fake node handler over mutual TLS.</summary>
public sealed class PauseOverHttpsTests
{
    [Fact]
    public async Task Pause_is_done_by_the_handler_of_the_vmis_node_with_the_aggregators_client_certificate()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        await using var handler = await StartHandlerAsync(host);
        host.Store.Add(Objects.Vmi(VirtualMachineInstancePhase.Running)).Add(Objects.Node("node-1", $"127.0.0.1:{handler.Endpoint.Port}"));
        using var client = host.Proxy("jane");

        using var response = await client.PutAsync(Base + "/virtualmachineinstances/my-vm/pause");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(handler.Calls);
        Assert.Equal(new HandlerCall("default", "my-vm", "pause", AggregatorTestHost.AggregatorClientName), call);
        // The Event is recorded in the background, after the answer.
        await Eventually.UntilAsync(() => host.Events.Events.Count == 1, "the event");
        Assert.Equal("PauseRequested", Assert.Single(host.Events.Events).Reason);
    }

    [Fact]
    public async Task Unpause_accepts_a_full_https_url_as_endpoint()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        await using var handler = await StartHandlerAsync(host);
        host.Store.Add(Objects.Vmi(VirtualMachineInstancePhase.Running).Paused()).Add(Objects.Node("node-1", handler.Endpoint.ToString()));
        using var client = host.Proxy("jane");

        using var response = await client.PutAsync(Base + "/virtualmachineinstances/my-vm/unpause");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("unpause", Assert.Single(handler.Calls).Action);
    }

    [Fact]
    public async Task Unpause_is_refused_while_the_vm_has_a_snapshot_in_progress_before_the_vmi_is_looked_at()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        var vm = Objects.Vm(Api.VirtualMachines.RunStrategy.Always);
        vm.Status = new Api.VirtualMachines.VirtualMachineStatus { SnapshotInProgress = "snap-1" };
        host.Store.Add(vm);
        using var client = host.Proxy("jane");

        using var response = await client.PutAsync(Base + "/virtualmachineinstances/my-vm/unpause");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(KubeVirtMessages.Conflict("virtualmachine", "my-vm", KubeVirtMessages.VmSnapshotInProgress), (await response.ReadStatusAsync()).Message);
    }

    [Fact]
    public async Task Dry_run_pause_validates_without_calling_the_handler()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        await using var handler = await StartHandlerAsync(host);
        host.Store.Add(Objects.Vmi(VirtualMachineInstancePhase.Running)).Add(Objects.Node("node-1", $"127.0.0.1:{handler.Endpoint.Port}"));
        using var client = host.Proxy("jane");

        using var response = await client.PutAsync(Base + "/virtualmachineinstances/my-vm/pause", """{"dryRun":["All"]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(handler.Calls);
    }

    [Fact]
    public async Task Validation_failures_never_reach_the_handler()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        await using var handler = await StartHandlerAsync(host);
        host.Store.Add(Objects.Vmi(VirtualMachineInstancePhase.Running).Paused()).Add(Objects.Node("node-1", $"127.0.0.1:{handler.Endpoint.Port}"));
        using var client = host.Proxy("jane");

        using var response = await client.PutAsync(Base + "/virtualmachineinstances/my-vm/pause");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(KubeVirtMessages.Conflict("virtualmachineinstance", "my-vm", KubeVirtMessages.VmiAlreadyPaused), (await response.ReadStatusAsync()).Message);
        Assert.Empty(handler.Calls);
    }

    [Fact]
    public async Task Handler_failure_is_500_unexpected_return_code()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        await using var handler = await StartHandlerAsync(host);
        handler.Answer = (500, "libvirt error");
        host.Store.Add(Objects.Vmi(VirtualMachineInstancePhase.Running)).Add(Objects.Node("node-1", $"127.0.0.1:{handler.Endpoint.Port}"));
        using var client = host.Proxy("jane");

        using var response = await client.PutAsync(Base + "/virtualmachineinstances/my-vm/pause");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(
            KubeVirtMessages.InternalError(KubeVirtMessages.UnexpectedHandlerReturnCode(500, "500 Internal Server Error", "libvirt error")),
            (await response.ReadStatusAsync()).Message);
    }

    [Fact]
    public async Task Handler_conflict_status_is_passed_on()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        await using var handler = await StartHandlerAsync(host);
        var message = KubeVirtMessages.Conflict("virtualmachineinstance", "my-vm", KubeVirtMessages.VmiAlreadyPaused);
        handler.Answer = (409, $$"""{"kind":"Status","apiVersion":"v1","status":"Failure","message":"{{message.Replace("\"", "\\\"", StringComparison.Ordinal)}}","reason":"Conflict","code":409}""");
        host.Store.Add(Objects.Vmi(VirtualMachineInstancePhase.Running)).Add(Objects.Node("node-1", $"127.0.0.1:{handler.Endpoint.Port}"));
        using var client = host.Proxy("jane");

        using var response = await client.PutAsync(Base + "/virtualmachineinstances/my-vm/pause");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(message, (await response.ReadStatusAsync()).Message);
    }

    [Fact]
    public async Task Handler_with_a_certificate_from_another_ca_is_not_called()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        using var impostorCertificate = host.Pki.OtherCa.IssueServer("node-1", "127.0.0.1");
        await using var impostor = await FakeNodeHandler.StartAsync(impostorCertificate, host.Pki.AggregatorClientCa.Certificate);
        host.Store.Add(Objects.Vmi(VirtualMachineInstancePhase.Running)).Add(Objects.Node("node-1", $"127.0.0.1:{impostor.Endpoint.Port}"));
        using var client = host.Proxy("jane");

        using var response = await client.PutAsync(Base + "/virtualmachineinstances/my-vm/pause");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("unable to reach the node handler", (await response.ReadStatusAsync()).Message, StringComparison.Ordinal);
        Assert.Empty(impostor.Calls);
    }

    [Fact]
    public async Task Node_without_a_handler_endpoint_is_500()
    {
        await using var host = await AggregatorTestHost.StartAsync();
        host.Store.Add(Objects.Vmi(VirtualMachineInstancePhase.Running)).Add(Objects.Node("node-1", null));
        using var client = host.Proxy("jane");

        using var response = await client.PutAsync(Base + "/virtualmachineinstances/my-vm/pause");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(
            KubeVirtMessages.InternalError(Responses.AggregatorMessages.NodeHasNoHandlerEndpoint("node-1", Annotations.HandlerEndpoint)),
            (await response.ReadStatusAsync()).Message);
    }

    private static async Task<FakeNodeHandler> StartHandlerAsync(AggregatorTestHost host)
    {
        var certificate = host.Pki.HandlerCa.IssueServer("node-1", "127.0.0.1", "localhost");
        return await FakeNodeHandler.StartAsync(certificate, host.Pki.AggregatorClientCa.Certificate);
    }
}
