using Microsoft.Extensions.Configuration;
using VmLifecycle.LocalCluster.Serving;

namespace VmLifecycle.LocalCluster.Tests.Serving;

public sealed class AggregatedBackendAddressesTests
{
    [Fact]
    public void The_switch_is_repeatable_in_both_spellings_and_binds_to_the_options()
    {
        var args = AggregatedBackendAddresses.ExpandSwitches(
            ["--port", "0", "--aggregated-backend", "vm-system/api=https://127.0.0.1:8443", "--aggregated-backend=other/svc=https://127.0.0.1:9443"]);
        var options = new ConfigurationBuilder().AddCommandLine(args).Build().GetSection(LocalClusterOptions.Section).Get<LocalClusterOptions>()!;

        Assert.Equal(
            new Dictionary<string, string> { ["vm-system/api"] = "https://127.0.0.1:8443", ["other/svc"] = "https://127.0.0.1:9443" },
            AggregatedBackendAddresses.Parse(options.AggregatedBackends));
    }

    [Theory]
    [InlineData("vm-system/api")]
    [InlineData("api=https://127.0.0.1:8443")]
    [InlineData("vm-system/api=http://127.0.0.1:8443")]
    public void A_malformed_entry_stops_the_start(string entry)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => AggregatedBackendAddresses.Parse([entry]));

        Assert.Contains("--aggregated-backend expects namespace/name=https://host:port", failure.Message, StringComparison.Ordinal);
    }
}
