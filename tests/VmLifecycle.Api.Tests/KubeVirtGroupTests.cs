namespace VmLifecycle.Api.Tests;

public sealed class KubeVirtGroupTests
{
    [Fact]
    public void ApiVersion_Is_KubeVirts()
    {
        Assert.Equal("kubevirt.io/v1", KubeVirtGroup.ApiVersion);
        Assert.Equal("subresources.kubevirt.io/v1", KubeVirtGroup.SubresourceApiVersion);
    }
}
