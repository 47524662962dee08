using System.Net;
using System.Text.Json;
using VmLifecycle.Api.Conventions;
using VmLifecycle.Api.VirtualMachineInstances;
using VmLifecycle.Handler.Libvirt;
using VmLifecycle.Handler.Lifecycle;
using VmLifecycle.Handler.Nodes;
using VmLifecycle.Handler.Tests.Infrastructure;

namespace VmLifecycle.Handler.Tests.Endpoints;

/// <summary>Pause and unpause over mutual TLS, against the real domain.</summary>
public sealed class PauseEndpointTests(HandlerHostFixture host, LibvirtFixture libvirt) : IClassFixture<HandlerHostFixture>
{
    private string PausePath(string name) => $"/v1/namespaces/{libvirt.Namespace}/virtualmachineinstances/{name}/pause";

    private string UnpausePath(string name) => $"/v1/namespaces/{libvirt.Namespace}/virtualmachineinstances/{name}/unpause";

    [Fact]
    public async Task Pause_and_unpause_change_the_domain_and_the_Paused_condition_before_they_answer()
    {
        using var client = host.Client(host.Certificates.Client);
        var name = host.Vmi.Metadata.Name;

        using (var paused = await client.PutAsync(PausePath(name), null, TestContext.Current.CancellationToken))
        {
            // Read right after the answer: the condition must already be there (read-your-writes).
            var vmi = host.Store.Get(libvirt.Namespace, name)!;
            Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
            var condition = VmiAssertions.Condition(vmi, ConditionTypes.Paused);
            Assert.Equal(ConditionStatus.True, condition?.Status);
            Assert.Equal(ConditionReasons.PausedByUser, condition?.Reason);
            Assert.Equal(KubeVirtMessages.PausedByUser, condition?.Message);
            Assert.Equal(VirtualMachineInstancePhase.Running, vmi.Status!.Phase);
            Assert.Equal(new DomainStatus(DomainState.Paused, DomainStateReasons.PausedUser), libvirt.Domains.GetStatus($"{libvirt.Namespace}_{name}"));
        }

        var tickWhenPaused = SerialLog.LastTick(host.SerialLogPath);
        await Task.Delay(TimeSpan.FromSeconds(2.2), TestContext.Current.CancellationToken); // silence is the thing tested
        Assert.Equal(tickWhenPaused, SerialLog.LastTick(host.SerialLogPath));

        using (var again = await client.PutAsync(PausePath(name), null, TestContext.Current.CancellationToken))
        {
            await AssertStatusAsync(again, HttpStatusCode.Conflict, "Conflict", KubeVirtMessages.Conflict("virtualmachineinstance", name, KubeVirtMessages.VmiAlreadyPaused));
        }

        using (var unpaused = await client.PutAsync(UnpausePath(name), null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, unpaused.StatusCode);
            Assert.Null(VmiAssertions.Condition(host.Store.Get(libvirt.Namespace, name)!, ConditionTypes.Paused));
            Assert.Equal(DomainState.Running, libvirt.Domains.GetStatus($"{libvirt.Namespace}_{name}")?.State);
        }

        await SerialLog.WaitForTickAsync(host.SerialLogPath, tickWhenPaused + 1, TimeSpan.FromSeconds(3));
        using var notPaused = await client.PutAsync(UnpausePath(name), null, TestContext.Current.CancellationToken);
        await AssertStatusAsync(notPaused, HttpStatusCode.Conflict, "Conflict", KubeVirtMessages.Conflict("virtualmachineinstance", name, KubeVirtMessages.VmiNotPaused));
    }

    [Fact]
    public async Task A_pause_whose_status_write_fails_answers_500_and_the_lifecycle_controller_reports_the_paused_domain()
    {
        using var client = host.Client(host.Certificates.Client);
        var name = host.Vmi.Metadata.Name;
        host.Store.FailNextStatusWrite(new HttpRequestException("connection refused"));
        try
        {
            using (var failed = await client.PutAsync(PausePath(name), null, TestContext.Current.CancellationToken))
            {
                await AssertStatusAsync(failed, HttpStatusCode.InternalServerError, "InternalError", KubeVirtMessages.InternalError("connection refused"));
            }

            // The domain did pause; its event was expected, so only the requeue the endpoint asks for brings the
            // condition (the fixture resyncs every 30 s).
            var paused = await host.Store.WaitForAsync(host.Vmi, v => VmiAssertions.IsTrue(v, ConditionTypes.Paused), "the Paused condition", TimeSpan.FromSeconds(10));
            Assert.Equal(ConditionReasons.PausedByUser, VmiAssertions.Condition(paused, ConditionTypes.Paused)!.Reason);
        }
        finally
        {
            using var unpaused = await client.PutAsync(UnpausePath(name), null, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, unpaused.StatusCode);
        }
    }

    [Fact]
    public async Task A_stale_recent_copy_that_refuses_is_checked_against_a_fresh_read_and_the_pause_goes_ahead()
    {
        var name = host.Vmi.Metadata.Name;
        var stale = host.Store.Get(libvirt.Namespace, name)!;
        VmiConditions.Set(stale, ConditionTypes.Paused, ConditionStatus.True, ConditionReasons.PausedByUser, KubeVirtMessages.PausedByUser, DateTimeOffset.UtcNow);

        await PauseWithRecentCopyAsync(stale, whilePaused: () => { });
    }

    [Fact]
    public async Task A_recent_copy_with_an_old_resource_version_is_written_again_from_a_fresh_read()
    {
        var old = host.Store.Get(libvirt.Namespace, host.Vmi.Metadata.Name)!;
        old.Metadata.ResourceVersion = "1"; // long superseded: the status write conflicts
        var writes = host.Store.StatusWrites;

        await PauseWithRecentCopyAsync(old, whilePaused: () => Assert.Equal(writes + 1, host.Store.StatusWrites));
    }

    /// <summary>
    /// Pauses the fixture's VMI while the store offers <paramref name="recent"/> as the handler's recent copy, checks that
    /// the domain paused and the Paused condition was written, runs <paramref name="whilePaused"/>, then forgets the copy
    /// and unpauses (the class shares the VMI).
    /// </summary>
    private async Task PauseWithRecentCopyAsync(VirtualMachineInstance recent, Action whilePaused)
    {
        using var client = host.Client(host.Certificates.Client);
        var name = host.Vmi.Metadata.Name;
        host.Store.SetRecent(recent);
        try
        {
            using var paused = await client.PutAsync(PausePath(name), null, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
            Assert.Equal(DomainState.Paused, libvirt.Domains.GetStatus($"{libvirt.Namespace}_{name}")?.State);
            Assert.True(VmiAssertions.IsTrue(host.Store.Get(libvirt.Namespace, name)!, ConditionTypes.Paused));
            whilePaused();
        }
        finally
        {
            host.Store.ForgetRecent(libvirt.Namespace, name);
        }

        using var unpaused = await client.PutAsync(UnpausePath(name), null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, unpaused.StatusCode);
    }

    [Fact]
    public async Task Pausing_a_missing_vmi_or_one_of_another_node_answers_404_as_a_Status()
    {
        using var client = host.Client(host.Certificates.Client);
        host.Store.Create(TestGuest.Vmi(libvirt.Namespace, "other-node", "some-other-node"));

        using var missing = await client.PutAsync(PausePath("nope"), null, TestContext.Current.CancellationToken);
        using var elsewhere = await client.PutAsync(PausePath("other-node"), null, TestContext.Current.CancellationToken);

        await AssertStatusAsync(missing, HttpStatusCode.NotFound, "NotFound", KubeVirtMessages.VirtualMachineInstanceNotFound("nope"));
        await AssertStatusAsync(elsewhere, HttpStatusCode.NotFound, "NotFound", KubeVirtMessages.VirtualMachineInstanceNotFound("other-node"));
    }

    [Fact]
    public async Task Pausing_a_vmi_that_is_not_running_answers_409_VM_is_not_running()
    {
        using var client = host.Client(host.Certificates.Client);
        var spec = TestGuest.Vmi(libvirt.Namespace, "not-running", host.Node);
        spec.Spec.Volumes![0].ContainerDisk!.Image = "localhost/vm-lifecycle/absent:latest"; // stays Scheduled
        host.Store.Create(spec);

        using var pause = await client.PutAsync(PausePath("not-running"), null, TestContext.Current.CancellationToken);
        using var unpause = await client.PutAsync(UnpausePath("not-running"), null, TestContext.Current.CancellationToken);

        await AssertStatusAsync(pause, HttpStatusCode.Conflict, "Conflict", KubeVirtMessages.Conflict("virtualmachineinstance", "not-running", KubeVirtMessages.VmNotRunning));
        await AssertStatusAsync(unpause, HttpStatusCode.Conflict, "Conflict", KubeVirtMessages.Conflict("virtualmachineinstance", "not-running", KubeVirtMessages.VmiNotRunning));
    }

    [Fact]
    public async Task Without_a_client_certificate_only_health_and_metrics_are_served()
    {
        using var anonymous = host.Client(null);

        using var pause = await anonymous.PutAsync(PausePath(host.Vmi.Metadata.Name), null, TestContext.Current.CancellationToken);
        var health = await anonymous.GetStringAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        using var ready = await anonymous.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);
        var metrics = await anonymous.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, pause.StatusCode);
        Assert.Equal("ok", health);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("vmlifecycle_handler_operations_total{operation=\"start\",result=\"success\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("vmlifecycle_handler_domains{state=\"Running\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("vmlifecycle_handler_operation_duration_seconds_bucket", metrics, StringComparison.Ordinal);
        // The process's own figures stay; prometheus-net's adapters for every runtime EventCounter and Meter do not.
        Assert.Contains("process_working_set_bytes", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("prometheus_net_meteradapter", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("prometheus_net_eventcounteradapter", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_certificate_from_another_ca_is_refused_in_the_tls_handshake()
    {
        using var rogue = host.Client(host.Certificates.RogueClient);

        await Assert.ThrowsAsync<HttpRequestException>(() => rogue.PutAsync(PausePath(host.Vmi.Metadata.Name), null, TestContext.Current.CancellationToken));
        Assert.Null(VmiAssertions.Condition(host.Store.Get(libvirt.Namespace, host.Vmi.Metadata.Name)!, ConditionTypes.Paused));
    }

    [Fact]
    public async Task The_node_carries_the_endpoint_the_schedulable_label_and_a_fresh_heartbeat()
    {
        await Eventually.WaitAsync(() => host.Nodes.Count >= 2, TimeSpan.FromSeconds(10), "two heartbeats");

        Assert.All(host.Nodes.Writes, w => Assert.Equal(host.Node, w.Node));
        Assert.Equal(Labels.HandlerNodeTrue, host.Nodes.Labels[Labels.HandlerNode]);
        Assert.Equal($"https://{host.Node}:{host.Port}", host.Nodes.Annotations[Annotations.HandlerEndpoint]);
        var heartbeat = DateTimeOffset.Parse(host.Nodes.Annotations[Annotations.HandlerHeartbeat], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(DateTimeOffset.UtcNow - heartbeat, TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_node_is_Ready_while_the_handler_is_connected_to_libvirt()
    {
        await Eventually.WaitAsync(() => host.NodeStatus.Ready?.Status == "True", TimeSpan.FromSeconds(30), "the Node's Ready condition to be True");

        var ready = host.NodeStatus.Ready!;
        Assert.Equal(NodeReadiness.ReadyReason, ready.Reason);
        Assert.Equal(NodeReadiness.Posting.Message, ready.Message);
    }

    private static async Task AssertStatusAsync(HttpResponseMessage response, HttpStatusCode code, string reason, string message)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(code == response.StatusCode, $"expected {code}, got {response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = status.RootElement;
        Assert.Equal("Status", root.GetProperty("kind").GetString());
        Assert.Equal("v1", root.GetProperty("apiVersion").GetString());
        Assert.Equal("Failure", root.GetProperty("status").GetString());
        Assert.Equal(reason, root.GetProperty("reason").GetString());
        Assert.Equal((int)code, root.GetProperty("code").GetInt32());
        Assert.Equal(message, root.GetProperty("message").GetString());
    }
}
