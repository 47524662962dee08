using VmLifecycle.Aggregator.Responses;
using VmLifecycle.Aggregator.Subresources;

namespace VmLifecycle.Aggregator.Tests.Subresources;

public sealed class RequestSyntaxTests
{
    [Fact]
    public void DryRun_All_is_a_dry_run()
    {
        Assert.Null(DryRun.TryParse(["All"], out var dryRun));
        Assert.True(dryRun);
    }

    [Fact]
    public void Missing_or_empty_dryRun_is_a_real_request()
    {
        Assert.Null(DryRun.TryParse(null, out var missing));
        Assert.False(missing);
        Assert.Null(DryRun.TryParse([], out var empty));
        Assert.False(empty);
    }

    [Fact]
    public void Any_other_dryRun_value_is_400()
    {
        var failure = DryRun.TryParse(["All", "Some"], out _);

        Assert.Equal(400, failure!.Code);
        Assert.Equal(AggregatorMessages.UnsupportedDryRun("Some"), failure.Message);
    }

    [Fact]
    public void Route_splits_namespace_resource_name_and_subresource()
    {
        Assert.True(SubresourceRoute.TryParse("/apis/subresources.kubevirt.io/v1/namespaces/default/virtualmachines/my-vm/start", out var route));
        Assert.Equal(new SubresourceRoute("default", "virtualmachines", "my-vm", "start"), route);
        Assert.Equal("virtualmachines/start", route.ResourcePath);

        Assert.True(SubresourceRoute.TryParse("/apis/subresources.kubevirt.io/v1/namespaces/ns/virtualmachineinstances/x/vnc/screenshot", out var nested));
        Assert.Equal("vnc/screenshot", nested.Subresource);
    }

    [Theory]
    [InlineData("/apis/subresources.kubevirt.io/v1/namespaces/default/virtualmachines/my-vm")]
    [InlineData("/apis/subresources.kubevirt.io/v1/namespaces/default/virtualmachines/my-vm/")]
    [InlineData("/apis/subresources.kubevirt.io/v1/namespaces//virtualmachines/my-vm/start")]
    [InlineData("/apis/subresources.kubevirt.io/v1alpha3/namespaces/default/virtualmachines/my-vm/start")]
    [InlineData("/apis/other.io/v1/namespaces/default/virtualmachines/my-vm/start")]
    public void Paths_without_all_parts_are_not_subresource_routes(string path)
    {
        Assert.False(SubresourceRoute.TryParse(path, out _));
    }

    [Theory]
    [InlineData("my-vm", true)]
    [InlineData("a.b.c", true)]
    [InlineData("My-vm", false)]
    [InlineData("my_vm", false)]
    [InlineData("", false)]
    [InlineData("..", false)]
    public void Object_names_are_DNS_1123_subdomains(string name, bool valid)
    {
        Assert.Equal(valid, ObjectNames.IsDns1123Subdomain(name));
    }

    [Fact]
    public void Namespaces_are_DNS_1123_labels()
    {
        Assert.True(ObjectNames.IsDns1123Label("default"));
        Assert.False(ObjectNames.IsDns1123Label("a.b"));
        Assert.False(ObjectNames.IsDns1123Label(new string('a', 64)));
    }
}
