using VmLifecycle.LocalCluster.Errors;
using VmLifecycle.LocalCluster.Selectors;

namespace VmLifecycle.LocalCluster.Tests.Selectors;

public sealed class LabelSelectorTests
{
    private static readonly Dictionary<string, string> _labels = new() { ["app"] = "web", ["tier"] = "front" };

    [Theory]
    [InlineData("app=web", true)]
    [InlineData("app==web", true)]
    [InlineData("app!=web", false)]
    [InlineData("app in (db, web)", true)]
    [InlineData("app notin (db,web)", false)]
    [InlineData("tier", true)]
    [InlineData("!tier", false)]
    [InlineData("missing!=x", true)]
    [InlineData("app=web,tier=back", false)]
    [InlineData("app in (web),!missing", true)]
    public void Requirements_Match_As_In_Kubernetes(string selector, bool expected) =>
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(_labels));

    [Fact]
    public void Malformed_Selector_Is_A_Bad_Request()
    {
        var failure = Assert.Throws<StatusException>(() => LabelSelector.Parse("app in web"));

        Assert.Equal(400, failure.Code);
    }
}
