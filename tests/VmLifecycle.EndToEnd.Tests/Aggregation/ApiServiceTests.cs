using VmLifecycle.EndToEnd.Tests.TestSupport;

namespace VmLifecycle.EndToEnd.Tests.Aggregation;

/// <summary>The chart's APIService, registered by local-up from the chart, served by the aggregator.</summary>
[Collection(LocalStackTests.Name)]
public sealed class ApiServiceTests(LocalStackFixture stack)
{
    [Fact]
    public async Task The_ApiService_Is_Available()
    {
        var status = await stack.Admin.SucceedAsync("get", "apiservice", "v1.subresources.kubevirt.io",
            "-o", "jsonpath={.status.conditions[?(@.type==\"Available\")].status}");

        Assert.Equal("True", status);
    }

    [Fact]
    public async Task Discovery_Lists_The_Group_And_Its_Lifecycle_Subresources()
    {
        var versions = await stack.Admin.SucceedAsync("api-versions");
        var resources = await stack.Admin.RunAsync("api-resources", "--api-group=subresources.kubevirt.io");
        var list = await stack.Viewer.SucceedAsync("get", "--raw", "/apis/subresources.kubevirt.io/v1");

        Assert.Contains("subresources.kubevirt.io/v1", versions.Split('\n'));
        // kubectl api-resources never prints subresources (names with a "/"), so the group shows only the header;
        // what matters is that its discovery is complete: no "unable to retrieve the complete list of server APIs".
        Assert.Equal(0, resources.ExitCode);
        Assert.DoesNotContain("unable to retrieve", resources.Error, StringComparison.Ordinal);
        foreach (var name in new[] { "virtualmachines/start", "virtualmachines/stop", "virtualmachines/restart", "virtualmachines/rename",
                     "virtualmachineinstances/pause", "virtualmachineinstances/unpause" })
        {
            Assert.Contains($"\"name\":\"{name}\"", list, StringComparison.Ordinal);
        }
    }
}
