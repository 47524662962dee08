using VmLifecycle.Aggregator.NodeHandlerClient;
using VmLifecycle.Aggregator.Tests.TestSupport;

namespace VmLifecycle.Aggregator.Tests.NodeHandlerClient;

public sealed class NodeHandlerEndpointTests
{
    [Theory]
    [InlineData("10.0.0.5:8186", "https://10.0.0.5:8186/")]
    [InlineData("https://node-1.example:8186", "https://node-1.example:8186/")]
    [InlineData(" https://[fd00::5]:8186/ ", "https://[fd00::5]:8186/")]
    public void Endpoint_annotation_is_an_https_url_or_host_and_port(string annotation, string expected)
    {
        Assert.Equal(new Uri(expected), NodeHandlerEndpoint.Of(Objects.Node("node-1", annotation)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("http://10.0.0.5:8186")]
    public void Missing_or_plain_http_endpoints_are_refused(string? annotation)
    {
        Assert.Null(NodeHandlerEndpoint.Of(Objects.Node("node-1", annotation)));
    }

    [Fact]
    public void Action_url_follows_the_handler_contract()
    {
        Assert.Equal(
            "https://10.0.0.5:8186/v1/namespaces/default/virtualmachineinstances/my-vm/pause",
            NodeHandlerEndpoint.ActionUri(new Uri("https://10.0.0.5:8186"), "default", "my-vm", "pause").ToString());
    }
}
