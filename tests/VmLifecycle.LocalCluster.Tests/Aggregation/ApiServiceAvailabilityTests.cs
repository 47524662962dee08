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
}
