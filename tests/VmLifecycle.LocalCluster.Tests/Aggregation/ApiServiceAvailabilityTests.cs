using VmLifecycle.LocalCluster.Security;

namespace VmLifecycle.LocalCluster.Tests.Aggregation;

public sealed class ApiServiceAvailabilityTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_backend_answering_discovery_makes_the_apiservice_available()
    {
        await using var rig = await AggregationTestRig.StartAsync();

        await rig.Monitor.CheckAllAsync(Cancellation);

        var condition = await rig.Sink.NextAsync();
        Assert.True(condition.Status == "True", condition.Message);
        Assert.Equal(("Available", "True", "Passed", "all checks passed"), (condition.Type, condition.Status, condition.Reason, condition.Message));
    }

    [Fact]
    public async Task The_probe_asks_for_the_group_version_as_the_kube_aggregator_in_system_masters_with_the_front_proxy_certificate()
    {
        await using var rig = await AggregationTestRig.StartAsync();

        await rig.Monitor.CheckAllAsync(Cancellation);

        var probe = rig.Backend.Requests.Single();
        Assert.Equal(("GET", "/apis/test.vmlifecycle.io/v1"), (probe.Method, probe.Path));
        Assert.Equal(["system:kube-aggregator"], probe.Headers["X-Remote-User"]);
        Assert.Equal([UserInfo.MastersGroup], probe.Headers["X-Remote-Group"]);
        Assert.Equal("CN=front-proxy-client", probe.ClientCertificateSubject);
    }

    [Fact]
    public async Task A_forbidden_discovery_answer_fails_the_discovery_check_with_kube_aggregators_message()
    {
        await using var rig = await AggregationTestRig.StartAsync();
        rig.Backend.DiscoveryStatus = 403;

        await rig.Monitor.CheckAllAsync(Cancellation);

        var condition = await rig.Sink.NextAsync();
        Assert.Equal(("False", "FailedDiscoveryCheck"), (condition.Status, condition.Reason));
        Assert.Equal($"failing or missing response from {rig.ProbeUrl}: bad status from {rig.ProbeUrl}: 403", condition.Message);
    }

    [Fact]
    public async Task A_backend_certificate_not_signed_by_the_ca_bundle_fails_the_discovery_check()
    {
        await using var rig = await AggregationTestRig.StartAsync(trustedServingCa: false);

        await rig.Monitor.CheckAllAsync(Cancellation);

        var condition = await rig.Sink.NextAsync();
        Assert.Equal(("False", "FailedDiscoveryCheck"), (condition.Status, condition.Reason));
        Assert.StartsWith($"failing or missing response from {rig.ProbeUrl}: Get \"{rig.ProbeUrl}\": ", condition.Message, StringComparison.Ordinal);
        Assert.Empty(rig.Backend.Requests);
    }

    [Fact]
    public async Task Without_a_backend_address_the_service_is_not_found()
    {
        await using var rig = await AggregationTestRig.StartAsync(backendAddress: false);

        await rig.Monitor.CheckAllAsync(Cancellation);

        var condition = await rig.Sink.NextAsync();
        Assert.Equal(("False", "ServiceNotFound", "service/api in \"vm-system\" is not present"), (condition.Status, condition.Reason, condition.Message));
    }

    [Fact]
    public async Task Requests_get_503_service_unavailable_until_the_first_successful_probe()
    {
        await using var rig = await AggregationTestRig.StartAsync();
        using var client = new HttpClient();
        var url = new Uri($"{rig.FrontUrl}/apis/test.vmlifecycle.io/v1/namespaces/default/things/vm");

        using var before = await client.GetAsync(url, Cancellation);
        await rig.Monitor.CheckAllAsync(Cancellation);
        using var after = await client.GetAsync(url, Cancellation);

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.Equal("text/plain", before.Content.Headers.ContentType?.MediaType);
        Assert.Equal("service unavailable\n", await before.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(System.Net.HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task The_monitor_reprobes_every_thirty_seconds_and_reports_only_changes()
    {
        await using var rig = await AggregationTestRig.StartAsync();
        await rig.Monitor.StartAsync(Cancellation);
        try
        {
            var available = await rig.Sink.NextAsync();
            await rig.Time.WaitForTimerAsync(TimeSpan.FromSeconds(30));
            var probes = rig.Backend.Requests.Count;

            rig.Time.Advance(TimeSpan.FromSeconds(29));
            await Task.Delay(200, Cancellation);
            Assert.Equal(probes, rig.Backend.Requests.Count);

            rig.Backend.DiscoveryStatus = 503;
            rig.Time.Advance(TimeSpan.FromSeconds(1));
            var failed = await rig.Sink.NextAsync();
            var failedAt = rig.Time.GetUtcNow().UtcDateTime;

            await rig.Time.WaitForTimerAsync(TimeSpan.FromSeconds(30));
            rig.Time.Advance(TimeSpan.FromSeconds(30));
            await WaitForProbesAsync(rig, probes + 2);

            Assert.Equal("True", available.Status);
            Assert.Equal(("False", "FailedDiscoveryCheck"), (failed.Status, failed.Reason));
            Assert.Equal(failedAt, failed.LastTransitionTime);
            Assert.False(rig.Sink.HasPending);
        }
        finally
        {
            await rig.Monitor.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_changed_apiservice_is_probed_at_once_without_waiting_for_the_interval()
    {
        await using var rig = await AggregationTestRig.StartAsync();
        await rig.Monitor.StartAsync(Cancellation);
        try
        {
            Assert.Equal("True", (await rig.Sink.NextAsync()).Status);

            using var otherCa = Security.TestCertificateAuthority.Create("rotated-away");
            rig.Proxy.SetApiServices([AggregationTestRig.ApiService(otherCa.Pem)]);
            var afterChange = await rig.Sink.NextAsync();

            rig.Proxy.SetApiServices([AggregationTestRig.ApiService(rig.ServingCa.Pem)]);
            var restored = await rig.Sink.NextAsync();

            Assert.Equal(("False", "FailedDiscoveryCheck"), (afterChange.Status, afterChange.Reason));
            Assert.Equal(("True", "Passed"), (restored.Status, restored.Reason));
        }
        finally
        {
            await rig.Monitor.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_status_only_update_of_the_apiservice_does_not_trigger_a_probe()
    {
        await using var rig = await AggregationTestRig.StartAsync();
        await rig.Monitor.CheckAllAsync(Cancellation);
        var condition = await rig.Sink.NextAsync();
        var stored = AggregationTestRig.ApiService(rig.ServingCa.Pem);
        stored.Status = new k8s.Models.V1APIServiceStatus { Conditions = [condition] };
        rig.Registry.Changes.TryRead(out _);

        rig.Proxy.SetApiServices([stored]);

        Assert.False(rig.Registry.Changes.TryPeek(out _));
    }

    private static async Task WaitForProbesAsync(AggregationTestRig rig, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (rig.Backend.Requests.Count < count)
        {
            await Task.Delay(20, timeout.Token);
        }

        // Let the monitor finish recording the probe's outcome.
        await Task.Delay(200, timeout.Token);
    }
}
