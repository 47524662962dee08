using VmLifecycle.EndToEnd.Tests.TestSupport;

namespace VmLifecycle.EndToEnd.Tests.Lifecycle;

/// <summary>hack/local-up.sh is safe to run twice: what runs is kept, nothing is started a second time.</summary>
[Collection(LocalStackTests.Name)]
public sealed class LocalUpTests(LocalStackFixture stack)
{
    [Fact]
    public async Task A_Second_Local_Up_Keeps_The_Running_Processes()
    {
        stack.SkipOnExternalCluster("it reruns hack/local-up.sh");
        var before = stack.ReadEnvFile();

        var after = await stack.RunLocalUpAgainAsync();

        foreach (var name in new[] { "LOCAL_CLUSTER_PID", "AGGREGATOR_PID", "HANDLER_PIDS", "AGGREGATOR_URL", "HANDLER_URLS" })
        {
            Assert.Equal(before[name], after[name]);
        }

        Assert.Equal("True", await stack.Admin.SucceedAsync("get", "apiservice", "v1.subresources.kubevirt.io",
            "-o", "jsonpath={.status.conditions[?(@.type==\"Available\")].status}"));
    }
}
